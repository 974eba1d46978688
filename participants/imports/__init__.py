"""Importing participants from a spreadsheet: reading the file (reading.py), its columns
(columns.py), checking every row (checking.py) and the invitation links (invitations.py). The
writes are in participants/services/imports.py, the task in participants/tasks.py."""
