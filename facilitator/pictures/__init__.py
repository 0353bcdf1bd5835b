"""The picture catalogue: a picture for every idea, found from its words.

No Qt here. ``vocabulary`` reads the curated easy-read word list,
``openmoji`` finds OpenMoji's pictures, ``catalogue`` puts them together
(suggest from words, search by word), and ``own`` checks the facilitator's
own photos and pictures before the library keeps them.
"""
