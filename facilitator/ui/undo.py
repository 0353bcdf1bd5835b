"""Undo and redo: every edit goes through a QUndoStack, one stack per workshop.

The edits themselves (``core/edits.py``) know nothing of Qt; ``EditCommand``
wraps one so QUndoStack can run it, merge typing into it, and undo it.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from facilitator.core.edits import Edit
from facilitator.core.library import Library

MERGE_ID = 1


class EditCommand(QUndoCommand):
    def __init__(self, library: Library, edit: Edit, mergeable: bool = True):
        super().__init__(edit.describe())
        self.library = library
        self.edit = edit
        self.mergeable = mergeable
        self._done = True  # pushed after it was applied, so the first redo has nothing to do

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.edit.apply(self.library)

    def undo(self) -> None:
        self.edit.revert(self.library)

    def id(self) -> int:
        return MERGE_ID if self.mergeable else -1  # -1: Qt never merges it, nor anything into it

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        return isinstance(other, EditCommand) and self.edit.absorb(other.edit)


class UndoHistory(QUndoGroup):
    """The undo stacks of the workshops opened in this window."""

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self._stacks: dict[str, QUndoStack] = {}
        self._sealed = False

    def show_workshop(self, workshop_id: str | None) -> None:
        if workshop_id is None:
            self.setActiveStack(None)
            return
        self.setActiveStack(self._stack(workshop_id))

    def forget(self, workshop_id: str) -> None:
        """A deleted workshop's edits cannot be undone any more."""
        stack = self._stacks.pop(workshop_id, None)
        if stack is not None:
            self.removeStack(stack)
            stack.deleteLater()

    def forget_everything(self) -> None:
        """No edit of any workshop can be undone any more (after something that cannot be undone)."""
        for stack in self._stacks.values():
            stack.clear()

    def seal(self) -> None:
        """Make the next edit a step of its own, even when it changes the same box as the last one."""
        self._sealed = True

    def push(self, edit: Edit) -> None:
        """Do an edit now and keep it for undo. An edit that fails is not kept."""
        edit.apply(self.library)
        stack = self._stack_of(edit)
        mergeable, self._sealed = not self._sealed, False
        if stack is not None:
            stack.push(EditCommand(self.library, edit, mergeable))

    def _stack_of(self, edit: Edit) -> QUndoStack | None:
        """The stack of the workshop the edit changes (the presenter edits one that may not be shown)."""
        workshop_id = getattr(edit, "workshop_id", None)
        return self.activeStack() if workshop_id is None else self._stack(workshop_id)

    def _stack(self, workshop_id: str) -> QUndoStack:
        """The workshop's undo stack, made the first time it is needed."""
        if workshop_id not in self._stacks:
            self._stacks[workshop_id] = QUndoStack(self)
        return self._stacks[workshop_id]
