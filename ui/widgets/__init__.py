"""Widgets shared by several pages and panels (one place, so none grows a near-copy):
``outcome_line`` (a job's result line), ``result_view`` (a card job's result),
``message_banner`` (the window's non-blocking banners, ``describe_error``),
``status_bar`` (device states)."""
