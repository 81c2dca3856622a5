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
    Binding(
        "ctrl+e",
        "export('debate', 'html')",
        "Export the interactive HTML map",
        id="argmap.export-html",
        show=False,
    ),
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
    Binding(
        "L", "toggle_labels", "What-if: show or hide labels", id="argmap.what-if-labels", show=False
    ),
    Binding("c", "scorecards", "Speaker scorecards", id="argmap.scorecards", show=False),
    Binding("v", "weighing", "What-if: rank the values", id="argmap.weighing", show=False),
]

TREE: list[BindingType] = [
    Binding("j", "cursor_down", "Down", id="argmap.tree.down", show=False),
    Binding("k", "cursor_up", "Up", id="argmap.tree.up", show=False),
    Binding("l,right", "open", "Open", id="argmap.tree.open", show=False),
    Binding("h,left", "close", "Close / parent", id="argmap.tree.close", show=False),
    Binding("g,home", "scroll_home", "First line", id="argmap.tree.first", show=False),
    Binding("G,end", "scroll_end", "Last line", id="argmap.tree.last", show=False),
    Binding("z", "collapse_all", "Collapse all", id="argmap.tree.collapse-all", show=False),
    Binding("Z", "expand_all", "Expand all", id="argmap.tree.expand-all", show=False),
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
    Binding(
        "right,l,space,n",
        "step(1)",
        "Next",
        id="argmap.seminar.next",
        key_display="→",
        priority=True,
    ),
    Binding(
        "left,h,backspace",
        "step(-1)",
        "Previous",
        id="argmap.seminar.previous",
        key_display="←",
        priority=True,
    ),
    Binding("w", "toggle_hide_speaker", "Who said this?", id="argmap.seminar.who"),
    Binding("r", "reveal", "Reveal who", id="argmap.seminar.reveal"),
    Binding("v", "weigh_as", "As each analyst weighs it", id="argmap.seminar.weigh", show=False),
    Binding(
        "home", "go_to('first')", "First", id="argmap.seminar.first", show=False, priority=True
    ),
    Binding("end", "go_to('last')", "Last", id="argmap.seminar.last", show=False, priority=True),
    Binding(
        "down,j",
        "scroll('down')",
        "Scroll down",
        id="argmap.seminar.down",
        show=False,
        priority=True,
    ),
    Binding("up,k", "scroll('up')", "Scroll up", id="argmap.seminar.up", show=False, priority=True),
    Binding(
        "pagedown",
        "scroll('page_down')",
        "Page down",
        id="argmap.seminar.page-down",
        show=False,
        priority=True,
    ),
    Binding(
        "pageup",
        "scroll('page_up')",
        "Page up",
        id="argmap.seminar.page-up",
        show=False,
        priority=True,
    ),
    Binding("escape", "leave", "Leave seminar", id="argmap.seminar.leave"),
    Binding(
        "slash", "leave_to('search')", "Leave and search", id="argmap.seminar.search", show=False
    ),
    Binding(
        "s", "leave_to('speakers')", "Leave for speakers", id="argmap.seminar.speakers", show=False
    ),
]


def everywhere(screen: str) -> list[BindingType]:
    """Help and Quit for a modal screen, which does not see the app's own keys."""
    return [
        Binding(
            "question_mark,f1", "app.help", "Help", id=f"argmap.{screen}.help", key_display="?"
        ),
        Binding("q", "app.quit", "Quit", id=f"argmap.{screen}.quit"),
    ]


SPEAKERS: list[BindingType] = [
    Binding("j", "move(1)", "Down", id="argmap.speakers.down", show=False),
    Binding("k", "move(-1)", "Up", id="argmap.speakers.up", show=False),
    # Priority: the table's own Home and End scroll sideways, not to the first or last row.
    Binding(
        "g,home", "edge('first')", "First", id="argmap.speakers.first", show=False, priority=True
    ),
    Binding("G,end", "edge('last')", "Last", id="argmap.speakers.last", show=False, priority=True),
    Binding(
        "enter", "choose", "Highlight their claims", id="argmap.speakers.choose", priority=True
    ),
    Binding("escape", "dismiss", "Close", id="argmap.speakers.close"),
    *everywhere("speakers"),
]

SCORECARDS: list[BindingType] = [
    Binding("j", "move(1)", "Down", id="argmap.scorecards.down", show=False),
    Binding("k", "move(-1)", "Up", id="argmap.scorecards.up", show=False),
    Binding(
        "g,home", "edge('first')", "First", id="argmap.scorecards.first", show=False, priority=True
    ),
    Binding(
        "G,end", "edge('last')", "Last", id="argmap.scorecards.last", show=False, priority=True
    ),
    Binding("escape,c", "dismiss", "Close", id="argmap.scorecards.close", key_display="esc"),
    *everywhere("scorecards"),
]

WEIGHING: list[BindingType] = [
    Binding("j,down", "cursor(1)", "Down", id="argmap.weighing.down", show=False),
    Binding("k,up", "cursor(-1)", "Up", id="argmap.weighing.up", show=False),
    Binding("K,shift+up", "shift(-1)", "Rank higher", id="argmap.weighing.higher", key_display="K"),
    Binding("J,shift+down", "shift(1)", "Rank lower", id="argmap.weighing.lower", key_display="J"),
    Binding("s", "standard", "Proof standard", id="argmap.weighing.standard"),
    Binding("u", "unrank", "Unrank", id="argmap.weighing.unrank"),
    Binding("enter", "apply", "Apply", id="argmap.weighing.apply"),
    Binding("escape,v", "cancel", "Cancel", id="argmap.weighing.cancel", key_display="esc"),
]

SEARCH: list[BindingType] = [
    Binding("escape", "close", "Close search", id="argmap.search.close"),
    Binding("down", "result(1)", "Next result", id="argmap.search.down", show=False, priority=True),
    Binding(
        "up", "result(-1)", "Previous result", id="argmap.search.up", show=False, priority=True
    ),
]

CONFIRM: list[BindingType] = [
    Binding("y", "answer(True)", "Yes", id="argmap.confirm.yes"),
    Binding("n,escape", "answer(False)", "No", id="argmap.confirm.no", key_display="n"),
]

HELP: list[BindingType] = [
    Binding(
        "j,down", "scroll('down')", "Scroll down", id="argmap.help.down", show=False, priority=True
    ),
    Binding("k,up", "scroll('up')", "Scroll up", id="argmap.help.up", show=False, priority=True),
    Binding(
        "pagedown,space",
        "scroll('page_down')",
        "Page down",
        id="argmap.help.page-down",
        show=False,
        priority=True,
    ),
    Binding(
        "pageup",
        "scroll('page_up')",
        "Page up",
        id="argmap.help.page-up",
        show=False,
        priority=True,
    ),
    Binding("g,home", "scroll('home')", "Top", id="argmap.help.top", show=False, priority=True),
    Binding("G,end", "scroll('end')", "Bottom", id="argmap.help.bottom", show=False, priority=True),
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
    Binding("f2", "edit_claim", "Edit claim or argument", id="argmap.edit.edit", show=False),
    Binding("u", "undercut", "Undercut the claim's link", id="argmap.edit.undercut", show=False),
    Binding("ctrl+k", "link_claim", "Link to a claim (search)", id="argmap.edit.link", show=False),
    Binding("m", "move_claim", "Move under another claim", id="argmap.edit.move", show=False),
    Binding("delete", "delete_claim", "Delete claim", id="argmap.edit.delete", show=False),
    Binding("ctrl+z", "undo", "Undo", id="argmap.edit.undo", show=False),
    Binding("ctrl+y", "redo", "Redo", id="argmap.edit.redo", show=False),
    Binding("ctrl+s", "save", "Save", id="argmap.edit.save", show=False),
]
"""Authoring keys (argmap.tui.editor): the same in the main screen and seminar mode."""

ARGUMENT_FORM: list[BindingType] = [
    Binding("escape", "cancel", "Cancel", id="argmap.argument.cancel"),
    Binding("tab", "more", "Next field", id="argmap.argument.next", show=False),
    Binding("f3", "pick_premise", "Add a premise (search)", id="argmap.argument.premise"),
]
"""The form F2 opens on an argument (argmap.tui.screens.capture.ArgumentScreen)."""

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
    ("Editing an argument (F2 on one)", ARGUMENT_FORM),
    ("The room's record", ROOM),
    ("Main screen", MAIN),
    ("Argument tree", TREE),
    ("Relation links (Tab to reach them)", LINKS),
    ("Search box", SEARCH),
    ("Speakers", SPEAKERS),
    ("Speaker scorecards", SCORECARDS),
    ("Weighing the values", WEIGHING),
    ("Seminar mode", SEMINAR),
]
"""What the help screen lists, in order."""

WHAT_IT_DOES: dict[str, str] = {
    "argmap.help": "Every key and what the symbols mean",
    "argmap.quit": "Leave argmap",
    "argmap.reload": "Read the debate file again now (it also reloads on save)",
    "argmap.search": "Find claims by their words, quotes, speakers or #tags",
    "argmap.next-match": "Go to the next highlighted claim",
    "argmap.previous-match": "Go to the previous highlighted claim",
    "argmap.back": "Return to where you were before the last jump",
    "argmap.forward": "Undo the last Back",
    "argmap.speakers": "Who argues what; pick one to highlight their claims",
    "argmap.seminar": "Step through the debate one claim at a time, to project",
    "argmap.export": "Save the whole map as SVG in the exports folder",
    "argmap.export-focus": "Save the map around the selected claim as SVG",
    "argmap.export-html": "Save one offline HTML page of the map, opening with the room's verdicts",
    "argmap.clear-highlight": "Stop highlighting search results or a speaker's claims",
    "argmap.what-if": "Have the room reject, then accept, then be neutral on the selected claim",
    "argmap.what-if-clear": "Drop every assumption the room made",
    "argmap.what-if-labels": "Show or hide the in / out / undecided labels",
    "argmap.scorecards": "How each speaker fares under the room's assumptions",
    "argmap.weighing": "Let the room rank the values and choose a proof standard",
    "argmap.tree.down": "Move the cursor down one line",
    "argmap.tree.up": "Move the cursor up one line",
    "argmap.tree.open": "Open the selected claim; on an open one, go to its first reply",
    "argmap.tree.close": "Close the selected claim; on a closed one, go to its parent",
    "argmap.tree.first": "Go to the first line of the tree",
    "argmap.tree.last": "Go to the last line of the tree",
    "argmap.tree.collapse-all": "Close every claim below the question",
    "argmap.tree.expand-all": "Open every claim in the tree",
    "argmap.tree.follow": "Open or close the selected claim; on a jump link, go to the claim",
}
"""What each action does, in a sentence, for the command palette (which lists the name too)."""

PALETTE: list[tuple[str, str, list[BindingType]]] = [
    ("", "app", APP),
    ("", "screen", MAIN),
    ("Tree: ", "tree", TREE),
]
"""What the command palette offers on the main screen: a title prefix (the group), what runs
the action (the app, the screen, the tree widget) and the bindings. Rows may be added."""
