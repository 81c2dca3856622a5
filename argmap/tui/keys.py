"""Every key binding of the TUI, in one place, each with an id.

The screens use these lists as their ``BINDINGS``; the help screen and the command palette
read the same lists, so what they show can never drift from what the keys do. Ids let a
user's keymap rebind a key without touching code (``App.set_keymap({"argmap.search": "f"})``).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

APP: list[BindingType] = [
    Binding("question_mark,f1", "help", "Help", id="argmap.help", key_display="?"),
    Binding("q", "quit", "Quit", id="argmap.quit"),
    Binding("ctrl+r", "reload", "Reload the file now", id="argmap.reload", show=False),
]

MAIN: list[BindingType] = [
    Binding("slash", "search", "Search", id="argmap.search", key_display="/"),
    Binding("n", "next_match", "Next match", id="argmap.next-match", show=False),
    Binding("N", "previous_match", "Previous match", id="argmap.previous-match", show=False),
    Binding("b", "back", "Back", id="argmap.back"),
    Binding("f", "forward", "Forward", id="argmap.forward"),
    Binding("s", "speakers", "Speakers", id="argmap.speakers"),
    Binding("p", "seminar", "Seminar", id="argmap.seminar"),
    Binding("e", "export('debate')", "Export map", id="argmap.export"),
    Binding("E", "export('focus')", "Export around claim", id="argmap.export-focus", show=False),
    Binding("x", "clear_highlight", "Clear highlight", id="argmap.clear-highlight", show=False),
    Binding(
        "a",
        "what_if",
        "What-if: reject / accept / neutral",
        id="argmap.what-if",
        show=False,
    ),
    Binding(
        "A",
        "clear_room",
        "What-if: clear the room",
        id="argmap.what-if-clear",
        show=False,
    ),
    Binding("c", "scorecards", "Speaker scorecards", id="argmap.scorecards", show=False),
]

TREE: list[BindingType] = [
    Binding("j", "cursor_down", "Down", id="argmap.tree.down", show=False),
    Binding("k", "cursor_up", "Up", id="argmap.tree.up", show=False),
    Binding("l,right", "open", "Open", id="argmap.tree.open", show=False),
    Binding("h,left", "close", "Close / parent", id="argmap.tree.close", show=False),
    Binding("g,home", "scroll_home", "First line", id="argmap.tree.first", show=False),
    Binding("G,end", "scroll_end", "Last line", id="argmap.tree.last", show=False),
    Binding(
        "enter",
        "select_cursor",
        "Open or close; follow a jump link",
        id="argmap.tree.follow",
        show=False,
    ),
]

LINKS: list[BindingType] = [
    Binding("j,down", "cursor_down", "Down", id="argmap.links.down", show=False),
    Binding("k,up", "cursor_up", "Up", id="argmap.links.up", show=False),
    Binding("enter", "select", "Follow link", id="argmap.links.follow"),
]

SEMINAR: list[BindingType] = [
    Binding("right,l,space,n", "step(1)", "Next", id="argmap.seminar.next", key_display="→"),
    Binding(
        "left,h,backspace", "step(-1)", "Previous", id="argmap.seminar.previous", key_display="←"
    ),
    Binding("w", "toggle_hide_speaker", "Who said this?", id="argmap.seminar.who"),
    Binding("r", "reveal", "Reveal speaker", id="argmap.seminar.reveal"),
    Binding("home", "go_to('first')", "First", id="argmap.seminar.first", show=False),
    Binding("end", "go_to('last')", "Last", id="argmap.seminar.last", show=False),
    Binding("escape", "leave", "Leave seminar", id="argmap.seminar.leave"),
]

SPEAKERS: list[BindingType] = [
    Binding("j", "move(1)", "Down", id="argmap.speakers.down", show=False),
    Binding("k", "move(-1)", "Up", id="argmap.speakers.up", show=False),
    Binding("enter", "choose", "Highlight their claims", id="argmap.speakers.choose"),
    Binding("escape", "dismiss", "Close", id="argmap.speakers.close"),
]

SCORECARDS: list[BindingType] = [
    Binding("j", "move(1)", "Down", id="argmap.scorecards.down", show=False),
    Binding("k", "move(-1)", "Up", id="argmap.scorecards.up", show=False),
    Binding("escape,c", "dismiss", "Close", id="argmap.scorecards.close", key_display="esc"),
]

SEARCH: list[BindingType] = [
    Binding("escape", "close", "Close search", id="argmap.search.close"),
    Binding("down", "result(1)", "Next result", id="argmap.search.down", show=False),
    Binding("up", "result(-1)", "Previous result", id="argmap.search.up", show=False),
]

HELP: list[BindingType] = [
    Binding(
        "escape,question_mark,f1,q",
        "dismiss",
        "Close help",
        id="argmap.help.close",
        key_display="esc",
    ),
]

EDIT: list[BindingType] = [
    Binding(
        "plus",
        "add_claim('pro')",
        "Add a reason",
        id="argmap.edit.pro",
        key_display="+",
        show=False,
    ),
    Binding(
        "minus",
        "add_claim('con')",
        "Add an objection",
        id="argmap.edit.con",
        key_display="-",
        show=False,
    ),
    Binding("f2", "edit_claim", "Edit claim", id="argmap.edit.edit", show=False),
    Binding("u", "undercut", "Undercut the claim's link", id="argmap.edit.undercut", show=False),
    Binding("L", "link_claim", "Link to a claim (search)", id="argmap.edit.link", show=False),
    Binding("m", "move_claim", "Move under another claim", id="argmap.edit.move", show=False),
    Binding("delete", "delete_claim", "Delete claim", id="argmap.edit.delete", show=False),
    Binding("ctrl+z", "undo", "Undo", id="argmap.edit.undo", show=False),
    Binding("ctrl+y", "redo", "Redo", id="argmap.edit.redo", show=False),
    Binding("ctrl+s", "save", "Save", id="argmap.edit.save", show=False),
]
"""Authoring keys (argmap.tui.editor): the same in the main screen and seminar mode."""

ROOM: list[BindingType] = [
    Binding(
        "a",
        "verdict",
        "Room's verdict: reject / accept / neutral",
        id="argmap.room.verdict",
        show=False,
    ),
    Binding("t", "note", "Note on this claim", id="argmap.room.note", show=False),
    Binding("H", "handout", "Write the handout", id="argmap.room.handout", show=False),
]
"""The room's record. In the main screen `a` is the what-if key, which sets the same verdicts."""

SECTIONS: list[tuple[str, list[BindingType]]] = [
    ("Everywhere", APP),
    ("Editing (main screen and seminar)", EDIT),
    ("The room's record", ROOM),
    ("Main screen", MAIN),
    ("Argument tree", TREE),
    ("Relation links (Tab to reach them)", LINKS),
    ("Search box", SEARCH),
    ("Speakers", SPEAKERS),
    ("Speaker scorecards", SCORECARDS),
    ("Seminar mode", SEMINAR),
]
"""What the help screen lists, in order."""
