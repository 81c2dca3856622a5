"""The TUI's screens: main (tree and detail), speakers, seminar mode, help."""
