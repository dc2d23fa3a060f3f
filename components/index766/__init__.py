"""The Decision 766 scoreboard's UI (pages/index766.py): the period, the ranking of the
provinces and ministries, one unit's view, the loading of published scores."""
