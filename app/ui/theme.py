"""Colours that stay readable in light and dark system themes, and a visible focus.

Footprint follows the desktop's palette, but checks the pairs it relies on: text colours of
its own at 4.5:1 or more against the window and list backgrounds, the selected row's text
against its highlight, and a focus ring of 3:1 against the window (WCAG 2.2 AA). Where the
desktop's own highlight falls short, Footprint uses a darker (light theme) or deeper (dark
theme) blue instead.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.audit.answers import AnswerStatus
from app.audit.scoring import PlatformState
from app.ui.tick_box_style import TickBoxEdgeStyle
from app.ui.typography import TextSize, style_points

TEXT_CONTRAST = 4.5
# "edge": every control's border when not focused, 3:1 against the window (WCAG 1.4.11).
_LIGHT = {"bad": "#b3261e", "warn": "#7a5000", "good": "#1b6e20", "focus": "#1a4f8b",
          "edge": "#767676", "neutral": "#4a4a4a"}  # fmt: skip
_DARK = {"bad": "#ff8a80", "warn": "#ffd54f", "good": "#81c784", "focus": "#8cc4ff",
         "edge": "#9a9a9a", "neutral": "#c8c8c8"}  # fmt: skip
_HIGHLIGHT = {"light": "#1d5fa8", "dark": "#1c5a99"}  # white text on either: over 6:1
_STATE_TONE = {
    PlatformState.NEEDS_ACTION: "bad",
    PlatformState.UNSURE: "warn",
    PlatformState.SAFE: "good",
}


def _palette() -> QPalette:
    app = QApplication.instance()
    return app.palette() if isinstance(app, QApplication) else QPalette()


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the (application's) palette is a dark one."""
    palette = palette or _palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def tones(dark: bool) -> dict[str, str]:
    """Footprint's own colours for a light or a dark theme."""
    return _DARK if dark else _LIGHT


def tone(name: str) -> QColor:
    """One of Footprint's colours ("bad", "warn", "good", "focus") for the current theme."""
    return QColor(tones(is_dark())[name])


def state_colour(state: PlatformState) -> QColor | None:
    """The colour a platform's state is shown in; None for states without one."""
    name = _STATE_TONE.get(state)
    return tone(name) if name else None


_ANSWER_TONE = {
    AnswerStatus.SAFE: "good",
    AnswerStatus.NEEDS_ACTION: "bad",
    AnswerStatus.UNSURE: "warn",
    AnswerStatus.NOT_APPLICABLE: "neutral",
}


def answer_style(status: AnswerStatus, dark: bool | None = None) -> str:
    """An answer button: large, and once chosen filled with its colour (the word and icon
    say it too); focus keeps the app's ring, so chosen and focused never look alike."""
    colours = tones(is_dark() if dark is None else dark)
    fill = colours[_ANSWER_TONE[status]]
    text = "#000000" if (is_dark() if dark is None else dark) else "#ffffff"
    return (
        f"QPushButton {{ {style_points(TextSize.BODY)}; }}"
        f"QPushButton:checked {{ background: {fill}; color: {text}; font-weight: bold; }}"
    )


def chip_style(dark: bool | None = None) -> str:
    """The safe value's chip: a tinted box with the safe colour's edge (text 4.5:1 or more)."""
    is_dark_theme = is_dark() if dark is None else dark
    edge = tones(is_dark_theme)["good"]
    fill, text = ("#1e3320", "#f0f0f0") if is_dark_theme else ("#e8f3e9", "#111111")
    return (
        f"QLabel {{ background: {fill}; color: {text}; border: 1px solid {edge};"
        f" border-radius: 10px; padding: 4px 10px; font-weight: bold;"
        f" {style_points(TextSize.BODY)}; }}"
    )


def end_card_style(attention: bool, dark: bool | None = None) -> str:
    """The end card's headline: the safe chip's look when nothing is open on the platform,
    else a plain box with the fix colour's edge (red only for what needs fixing)."""
    if not attention:
        return chip_style(dark).replace(
            style_points(TextSize.BODY), style_points(TextSize.SECTION_HEADING)
        )
    is_dark_theme = is_dark() if dark is None else dark
    edge = tones(is_dark_theme)["bad"]
    fill, text = ("#2b2b2b", "#f0f0f0") if is_dark_theme else ("#ffffff", "#111111")
    return (
        f"QLabel {{ background: {fill}; color: {text}; border: 2px solid {edge};"
        f" border-radius: 10px; padding: 6px 10px; font-weight: bold;"
        f" {style_points(TextSize.SECTION_HEADING)}; }}"
    )


def primary_button_style(dark: bool | None = None) -> str:
    """The one button a card leads to (Continue): the accent colour, white bold text (over
    6:1); focus keeps the app's ring."""
    fill = _HIGHLIGHT["dark" if (is_dark() if dark is None else dark) else "light"]
    return (
        f"QPushButton {{ background: {fill}; color: #ffffff; font-weight: bold;"
        f" padding: 6px 16px; border-radius: 6px; {style_points(TextSize.BODY)}; }}"
    )


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def accessible_palette(palette: QPalette) -> QPalette:
    """`palette` with a selected-row highlight and placeholder text that are readable (4.5:1
    or more)."""
    fixed = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        highlight = palette.color(group, QPalette.ColorRole.Highlight)
        text = palette.color(group, QPalette.ColorRole.HighlightedText)
        if contrast(highlight, text) < TEXT_CONTRAST:
            fixed.setColor(group, QPalette.ColorRole.Highlight, QColor(_HIGHLIGHT[_kind(palette)]))
            fixed.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        # Placeholder text ("Optional note, …") was 4.0:1: the edge grey reads at 4.5:1 or more.
        placeholder = palette.color(group, QPalette.ColorRole.PlaceholderText)
        base = palette.color(group, QPalette.ColorRole.Base)
        if contrast(placeholder, base) < TEXT_CONTRAST:
            edge = QColor(tones(is_dark(palette))["edge"])
            fixed.setColor(group, QPalette.ColorRole.PlaceholderText, edge)
    return fixed


def focus_style_sheet(palette: QPalette) -> str:
    """A focus ring every control shows, in a colour of 3:1 or more against the window.

    The ring only recolours and thickens a border every control already has, taking the
    extra pixel from the padding: focus never moves or resizes anything, so the click that
    focuses a checkbox also ticks it, and a focused button's label is never clipped.
    """
    colours = tones(is_dark(palette))
    ring, edge = colours["focus"], colours["edge"]
    buttons = "QPushButton, QToolButton"
    toggles = "QCheckBox, QRadioButton"
    fields = "QLineEdit, QComboBox, QAbstractItemView, QTextBrowser, QPlainTextEdit, QTextEdit"
    return (
        f"{buttons} {{ border: 1px solid {edge}; border-radius: 4px; padding: 5px 11px;"
        f" background: palette(button); min-height: 20px; }}"
        f"QPushButton:hover, QToolButton:hover {{ background: palette(midlight); }}"
        f"QPushButton:pressed, QToolButton:pressed {{ background: palette(mid); }}"
        f"QPushButton:focus, QToolButton:focus"
        f" {{ border: 2px solid {ring}; padding: 4px 10px; }}"
        # A chosen answer is filled: a ring alone would be lost against the fill, so focus
        # also pulls the fill in from the ring, leaving a band of the window's colour.
        f"QPushButton:checked:focus {{ background-clip: content; }}"
        # The current tab of a focused tab bar (History) gets the ring too; Fusion's own
        # dotted focus rectangle was barely visible.
        f"QTabBar::tab:focus {{ border: 2px solid {ring}; border-radius: 3px; }}"
        f"QToolButton {{ padding-right: 18px; }}"
        f"QToolButton:focus {{ padding-right: 17px; }}"
        f"{toggles} {{ border: 2px solid transparent; border-radius: 3px; padding: 2px 4px; }}"
        f"QCheckBox:focus, QRadioButton:focus {{ border-color: {ring}; }}"
        f"{fields} {{ border: 1px solid {edge}; padding: 1px; }}"
        + "".join(
            f"{name.strip()}:focus {{ border: 2px solid {ring}; padding: 0px; }}"
            for name in fields.split(",")
        )  # fmt: skip
    )


def apply_accessible_theme(app: QApplication) -> None:
    """Fix the palette's highlight where needed and give every control a visible focus."""
    palette = accessible_palette(app.palette())
    if not isinstance(app.style(), TickBoxEdgeStyle):  # tick-box edges at 3:1 (issue 31)
        app.setStyle(TickBoxEdgeStyle(app.style().name(), edge_colour))
    app.setPalette(palette)
    app.setStyleSheet(focus_style_sheet(palette))


def edge_colour(palette: QPalette) -> QColor:
    """The border of controls (and tick boxes) for this palette: 3:1 against its window."""
    return QColor(tones(is_dark(palette))["edge"])


def _kind(palette: QPalette) -> str:
    return "dark" if is_dark(palette) else "light"
