"""SVG drawings made self-contained: only what draws is kept.

An SVG is a program of sorts: it can name other files, web addresses and
devices, run scripts, and repeat its parts (``<use>``) until a renderer never
finishes. ``cleaned_drawing`` reads it safely (no entities, no network, no huge
tree) and writes a new SVG from the parts that draw: shapes, groups, text,
gradients, clip paths, ``<use>`` of the drawing's own parts, styles, and photos
carried inside the file (``data:``), each checked like any other photo.

Left out: scripts, events, foreign objects, animation, filters, masks, markers,
patterns, links to anything outside the file, ``<use>`` that goes round in a
circle. A drawing whose ``<use>`` would draw more than ``MOST_DRAWN`` parts is
refused. The size is made sane: a width, height or viewBox that is not a
number, not above zero or far too big is left out or worked out again.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
import urllib.parse

from lxml import etree

from facilitator.pictures.kinds import PictureRefused, damaged_drawing, drawing_too_busy, sniff_format

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
HREF = f"{{{XLINK}}}href"
MOST_DRAWN = 50_000  # parts drawn, with every <use> counted as the parts it repeats
MOST_NUMBER = 1e8  # bigger coordinates than this are not a picture
MOST_SIDE = 20_000.0  # the drawing's own width and height, in pixels
EMBEDDED_SIDE = 1600

_AS_GROUP = {"a", "switch"}
_KEPT = {
    "svg", "g", "defs", "symbol", "use", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "linearGradient", "radialGradient", "stop", "clipPath", "style", "image",
}
_USED_ELSEWHERE = {"defs", "symbol", "clipPath", "linearGradient", "radialGradient", "style"}
_NEEDS = {"path": "d", "polyline": "points", "polygon": "points"}
_WITH_WORDS = {"text", "tspan", "style"}
_WITH_HREF = {"use", "linearGradient", "radialGradient"}
_LEFT_OUT_ATTRIBUTES = {
    "filter", "mask", "marker", "marker-start", "marker-mid", "marker-end", "cursor", "src", "behavior",
    "requiredFeatures", "requiredExtensions", "systemLanguage", "externalResourcesRequired", "href",
}
_WORD_ATTRIBUTES = {"id", "class", "font-family", "lang", "type", "media"}
_URL = re.compile(r"url\s*\(", re.IGNORECASE)
_LOCAL_URL = re.compile(r"""url\(\s*(['"]?)#([^'")\s]+)\1\s*\)""", re.IGNORECASE)
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_NOT_FINITE = re.compile(r"(?<![a-z])(?:nan|inf|infinity)(?![a-z])", re.IGNORECASE)
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]+\b")
_CSS_FETCHING = re.compile(r"@import|@font-face|@namespace|image-set\(|image\(|element\(|cross-fade\(|expression\(|"
                           r"-moz-binding|javascript:|\\", re.IGNORECASE)
_LENGTH = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(px|pt|pc|mm|cm|in)?\s*$")
_PIXELS_PER = {None: 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}


def cleaned_drawing(data: bytes) -> bytes:
    """A new SVG holding only the parts of ``data`` that draw. Raises ``PictureRefused``."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                             remove_comments=True, remove_pis=True)
    try:
        source = etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        raise damaged_drawing() from None
    space = etree.QName(source).namespace
    if etree.QName(source).localname != "svg" or space not in (None, SVG):
        raise damaged_drawing()
    root = etree.Element(f"{{{SVG}}}svg", nsmap={None: SVG, "xlink": XLINK})
    _copy_attributes(source, root)
    _sane_size(root)
    _copy_children(source, root, space)
    _leave_out_circles_and_count(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


# -- parts ---------------------------------------------------------------------------------------


def _copy_children(source, target, space: str | None) -> None:
    for child in source:
        if not isinstance(child.tag, str):  # an entity left unread
            continue
        name = etree.QName(child)
        if name.namespace != space:
            continue
        local = name.localname
        if local in _AS_GROUP:
            local = "g"
        if local not in _KEPT:
            continue
        if local == "style" and not _harmless_css(child.text or ""):
            continue
        made = etree.SubElement(target, f"{{{SVG}}}{local}")
        _copy_attributes(child, made)
        if local == "image" and not _embedded_photo(child, made):
            target.remove(made)
            continue
        if local in _NEEDS and made.get(_NEEDS[local]) is None:  # a path with no path data draws nothing
            target.remove(made)
            continue
        if local in _WITH_HREF:
            _copy_local_href(child, made)
            if local == "use" and made.get(HREF) is None:  # a <use> of nothing, or of something outside
                target.remove(made)
                continue
        if local in _WITH_WORDS:
            made.text = child.text
            _copy_words(child, made, space)
        else:
            _copy_children(child, made, space)


def _copy_words(source, target, space: str | None) -> None:
    """Inside text: its tspans and their words, nothing else (words after a part left out are kept)."""
    last = None
    for child in source:
        kept = isinstance(child.tag, str) and etree.QName(child).namespace == space \
            and etree.QName(child).localname == "tspan" and target.tag != f"{{{SVG}}}style"
        if kept:
            last = etree.SubElement(target, f"{{{SVG}}}tspan")
            _copy_attributes(child, last)
            last.text = child.text
            _copy_words(child, last, space)
            last.tail = child.tail
        elif child.tail:
            if last is None:
                target.text = (target.text or "") + child.tail
            else:
                last.tail = (last.tail or "") + child.tail


def _copy_attributes(source, target) -> None:
    for key, value in source.attrib.items():
        name = etree.QName(key)
        if name.namespace == XML and name.localname == "space":
            target.set(key, value)
            continue
        if name.namespace is not None:
            continue
        local = name.localname
        if local.lower().startswith("on") or local in _LEFT_OUT_ATTRIBUTES:
            continue
        if local == "style":
            value = _harmless_style(value)
            if value:
                target.set("style", value)
        elif _harmless_value(local, value):
            target.set(local, value)


def _copy_local_href(source, target) -> None:
    href = (source.get(HREF) or source.get("href") or "").strip()
    if href.startswith("#") and len(href) > 1:
        target.set(HREF, href)


def _embedded_photo(source, target) -> bool:
    """Keep an <image> only as a photo carried in the file that passes the photo checks."""
    href = (source.get(HREF) or source.get("href") or "").strip()
    if not href[:5].lower() == "data:" or "," not in href:
        return False
    head, _comma, body = href[5:].partition(",")
    try:
        if head.lower().endswith(";base64"):
            photo = base64.b64decode("".join(body.split()), validate=True)
        else:
            photo = urllib.parse.unquote_to_bytes(body)
        if sniff_format(photo) not in ("png", "jpeg", "gif", "webp"):
            return False
        from facilitator.pictures.photos import checked_photo  # Pillow only for a drawing that carries a photo

        checked = checked_photo(photo, formats=("png", "jpeg"), largest_side=EMBEDDED_SIDE)
    except (PictureRefused, binascii.Error, ValueError):
        return False
    target.set(HREF, f"data:image/{checked.format};base64," + base64.b64encode(checked.data).decode("ascii"))
    return True


# -- values --------------------------------------------------------------------------------------


def _harmless_value(name: str, value: str) -> bool:
    if len(_URL.findall(value)) != len(_LOCAL_URL.findall(value)):
        return False
    if name in _WORD_ATTRIBUTES:
        return True
    return _sane_numbers(_LOCAL_URL.sub("", value))


def _sane_numbers(value: str) -> bool:
    value = _HEX_COLOUR.sub("", value)
    if _NOT_FINITE.search(value):
        return False
    for number in _NUMBER.findall(value):
        found = float(number)
        if not math.isfinite(found) or abs(found) > MOST_NUMBER:
            return False
    return True


def _harmless_css(text: str) -> bool:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    if _CSS_FETCHING.search(text):
        return False
    return len(_URL.findall(text)) == len(_LOCAL_URL.findall(text))


def _harmless_style(style: str) -> str:
    """The declarations of a style attribute that fetch nothing, have sane numbers and are kept elsewhere too."""
    if _CSS_FETCHING.search(style) or "/*" in style:
        return ""
    kept = []
    for declaration in style.split(";"):
        prop, colon, value = declaration.partition(":")
        prop, value = prop.strip(), value.strip()
        if not colon or not prop or not value or prop in _LEFT_OUT_ATTRIBUTES or prop.lower().startswith("on"):
            continue
        if _harmless_value(prop, value):
            kept.append(f"{prop}:{value}")
    return ";".join(kept)


def _length(value: str | None) -> float | None:
    """A length in pixels, or None when it is missing, not a number, not above zero or far too big."""
    match = _LENGTH.match(value or "")
    if not match:
        return None
    pixels = float(match.group(1)) * _PIXELS_PER[match.group(2)]
    return pixels if math.isfinite(pixels) and 0.01 <= pixels <= MOST_SIDE else None


def _view_box(value: str | None) -> tuple[float, float, float, float] | None:
    try:
        numbers = [float(n) for n in (value or "").replace(",", " ").split()]
    except ValueError:
        return None
    if len(numbers) != 4 or not all(math.isfinite(n) and abs(n) <= MOST_NUMBER for n in numbers):
        return None
    if numbers[2] <= 0 or numbers[3] <= 0:
        return None
    return numbers[0], numbers[1], numbers[2], numbers[3]


def _sane_size(root) -> None:
    """Width, height and viewBox the renderers can use: bad ones left out, a missing size worked out."""
    box = _view_box(root.get("viewBox"))
    if box is None:
        root.attrib.pop("viewBox", None)
    sizes = {}
    for side in ("width", "height"):
        sizes[side] = _length(root.get(side))
        if sizes[side] is None:
            root.attrib.pop(side, None)
    width, height = sizes["width"], sizes["height"]
    if width is not None and height is not None:
        return
    if box is not None:
        ratio = box[3] / box[2]
        if width is None and height is None:
            width, height = box[2], box[3]
        elif width is None:
            width = height / ratio
        else:
            height = width * ratio
    else:
        width = width or height or 100.0
        height = height or width
    if max(width, height) > MOST_SIDE:
        scale = MOST_SIDE / max(width, height)
        width, height = width * scale, height * scale
    if min(width, height) < 0.01:
        scale = min(0.01 / min(width, height), MOST_SIDE / max(width, height))
        width, height = max(width * scale, 0.01), max(height * scale, 0.01)
    root.set("width", _number(width))
    root.set("height", _number(height))


def _number(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


# -- <use> and other references to the drawing's own parts ----------------------------------------


def _references(element) -> list[str]:
    found = []
    href = element.get(HREF)
    if href:
        found.append(href[1:])
    for key, value in element.attrib.items():
        if key != HREF:
            found += [match.group(2) for match in _LOCAL_URL.finditer(value)]
    return found


def _leave_out_circles_and_count(root) -> None:
    """Take out references that lead back to themselves; refuse a drawing that would draw too many parts."""
    by_id: dict[str, object] = {}
    for element in root.iter():
        by_id.setdefault(element.get("id"), element)
    by_id.pop(None, None)
    drawn: dict[object, int] = {}
    open_now: set[object] = set()
    # Walk without recursion (a chain of ten thousand <use> must not overflow Python's stack).
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        element, done = stack.pop()
        if done:
            open_now.discard(element)
            # Parts that are only drawn where they are used (defs, symbols, clip paths...) count once here.
            total = 1 + sum(1 if etree.QName(child).localname in _USED_ELSEWHERE else drawn[child] for child in element)
            for target in _references(element):
                if target in by_id:
                    total += drawn.get(by_id[target], 0)
            drawn[element] = min(total, MOST_DRAWN + 1)
            continue
        if element in drawn:
            continue
        open_now.add(element)
        stack.append((element, True))
        for target in _references(element):
            found = by_id.get(target)
            if found is not None and found in open_now:  # itself, or a part it is inside: a circle
                _leave_out_reference(element, target)
            elif found is not None and found not in drawn:
                stack.append((found, False))
        stack.extend((child, False) for child in reversed(list(element)))
    if drawn[root] > MOST_DRAWN:
        raise drawing_too_busy()
    for use in [e for e in root.iter(f"{{{SVG}}}use") if e.get(HREF) is None]:  # a <use> of nothing left
        use.getparent().remove(use)


def _leave_out_reference(element, target: str) -> None:
    if element.get(HREF) == "#" + target:
        del element.attrib[HREF]
    for key, value in list(element.attrib.items()):
        if any(match.group(2) == target for match in _LOCAL_URL.finditer(value)):
            del element.attrib[key]
