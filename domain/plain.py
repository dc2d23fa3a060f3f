"""Data shown as text inside Streamlit's markdown.

Streamlit renders titles, captions, messages, labels, tabs, expanders, page links, metric
labels, radio and select-slider options, tooltips and st.table cells as markdown (GitHub's, plus
`:red[…]` colours, `:material/…:` icons, `:smile:` emoji and `$…$` LaTeX). A name from an
imported file or a value from the URL put there as it is could show a link, fetch a remote image
or change the text. `plain(value)` makes it literal text: every character that can open a
construct is backslash-escaped (CommonMark escapes any ASCII punctuation; the escaped character
shows as itself).

Two kinds of construct are found after the escapes are read, in the text itself: bare web
addresses and e-mail addresses become links (http://…, www.…, a@b.vn), `:smile:` emoji and
`:material/…:` icons are looked up, and `--`, `->`, `<-`, `>=`, `<=`, `~=` become dashes, arrows
and signs. Those are broken with an invisible WORD JOINER (U+2060) after each colon, before each
@, after "www" and inside each such pair: the text reads the same, nothing is linked.

Only what can open a construct is escaped, so that ordinary names read the same in the markdown
source ("TP. Hồ Chí Minh (trước 01/07/2025)", "2024-01"):
- anywhere: \\ ` * _ ~ [ ] { } < > | $ : ! & @ — emphasis, code, strikethrough, links and
  images, directive labels, HTML and autolinks, tables, LaTeX, `:…` directives, entities;
- at the start (where a block opens): # + - = and a number followed by . or ) and a space
  (headings, lists, rules). Line breaks become spaces (so no other line start exists) and
  leading spaces go (an indented code block).
Escape the values, never a translated template: the templates' own bold markers must work.
Selectbox and multiselect options, dataframes, charts and exports show text as it is: pass
them the names unescaped (a backslash would show).
"""
from __future__ import annotations

import re
import unicodedata

import pandas as pd

JOINER = "\u2060"  # WORD JOINER: invisible, and no line break at it
_ANYWHERE = re.compile(r"(www)(?=\.)|([-<>~](?=[-<>=]))|([\\`*_~\[\]{}<>|$!&])|(:)|(@)",
                       re.IGNORECASE)
# "1. " opens a list, "1.001193" (a procedure code) does not
_BLOCK_START = re.compile(r"^([#+\-=])|^(\d+)([.)])(?=\s|$)")
_SPACE = re.compile(r"\s+")
ELLIPSIS = "…"


def _escape(m: re.Match) -> str:
    www, pair, special, colon, _at = m.groups()
    if www:
        return www + JOINER
    if pair:
        return ("\\" if pair in "<>~" else "") + pair + JOINER
    if special:
        return "\\" + special
    return "\\:" + JOINER if colon else JOINER + "\\@"


def plain(value, limit: int | None = None) -> str:
    """`value` (anything; None is empty) as literal text for a markdown element; longer than
    `limit` characters, cut with an ellipsis (a value echoed from the URL can be any length)."""
    text = "" if value is None else str(value)
    # control and format characters (bidi overrides, joiners) out, line breaks to spaces
    text = _SPACE.sub(" ", text)
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf")).strip()
    if limit is not None and len(text) > limit:
        text = text[:limit].rstrip() + ELLIPSIS
    text = _ANYWHERE.sub(_escape, text)
    return _BLOCK_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else
                            m.group(2) + "\\" + m.group(3), text)


ECHO_LIMIT = 40  # characters of a URL value quoted back in a message


def echo(raw) -> str:
    """A value from the URL quoted back in a message: plain text, cut to ECHO_LIMIT."""
    return plain(raw, ECHO_LIMIT)


def plain_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame for st.table, whose every cell, column header and index label is markdown;
    blanks stay blank."""
    cell = lambda v: "" if pd.isna(v) else plain(v)  # noqa: E731
    return frame.rename(index=cell, columns=cell).map(cell)
