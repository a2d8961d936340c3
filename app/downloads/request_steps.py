"""How to ask each platform for a copy of your data, in the format Footprint reads.

Menu names follow each platform's help page (`source`) at the time of writing; platforms
rename menus often, so the steps say what to look for rather than exact button positions.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportRequest:
    """How to ask one platform for a data export Footprint can read."""

    platform_id: str
    name: str
    steps: tuple[str, ...]
    format_choice: str  # how to get the readable format, said on its own for error messages
    wait: str
    open_url: str
    source: str


REQUESTS: dict[str, ExportRequest] = {
    r.platform_id: r
    for r in (
        ExportRequest(
            "x",
            "X (Twitter)",
            (
                "Click More (in the app, tap your profile picture), then Settings and privacy",
                "Your account → Download an archive of your data",
                "Confirm your password and the code X sends you",
                "Click Request archive",
                "When X tells you it is ready, download the ZIP file",
            ),
            "X has one format only: the ZIP with a data folder. Choose that ZIP file.",
            "X says this can take 24 hours or longer.",
            "https://x.com/settings/download_your_data",
            "https://help.x.com/en/managing-your-account/how-to-download-your-x-archive",
        ),
        ExportRequest(
            "instagram",
            "Instagram",
            (
                "Go to your profile, tap ☰, then Accounts Centre",
                "Your information and permissions → Download your information",
                "Download or transfer information → choose your Instagram account",
                "Choose Some of your information: Followers and following, Personal "
                "information, and Security and login information (or All available information)",
                "Download to device; Date range: All time; Format: JSON",
                "Create files, then download the ZIP when Instagram tells you it is ready",
            ),
            "On the Download to device page, change Format from HTML to JSON.",
            "Instagram says this can take up to 14 days; usually it is much quicker.",
            "https://accountscenter.instagram.com/info_and_permissions/dyi/",
            "https://help.instagram.com/181231772500920",
        ),
        ExportRequest(
            "facebook",
            "Facebook",
            (
                "Click your profile picture → Settings and privacy → Settings",
                "Accounts Centre → Your information and permissions → Download your information",
                "Download or transfer information → choose your Facebook profile",
                "Choose Some of your information: Connections (Friends and Followers)",
                "Download to device; Date range: All time; Format: JSON",
                "Create files, then download the ZIP when Facebook tells you it is ready",
            ),
            "On the Download to device page, change Format from HTML to JSON.",
            "Facebook says this can take a few days.",
            "https://accountscenter.facebook.com/info_and_permissions/dyi/",
            "https://www.facebook.com/help/212802592074644",
        ),
        ExportRequest(
            "linkedin",
            "LinkedIn",
            (
                "Click Me → Settings and privacy",
                "Data privacy → Get a copy of your data",
                "Choose Want something in particular? and tick Connections and Invitations",
                "Click Request archive and enter your password",
                "Download the ZIP from the same page when LinkedIn e-mails you",
            ),
            "LinkedIn's export is CSV files; choose the ZIP as LinkedIn sends it.",
            "LinkedIn says the Connections file is usually ready in about ten minutes.",
            "https://www.linkedin.com/mypreferences/d/download-my-data",
            "https://www.linkedin.com/help/linkedin/answer/a1339364",
        ),
        ExportRequest(
            "tiktok",
            "TikTok",
            (
                "Go to your profile, tap ☰, then Settings and privacy",
                "Account → Download your data",
                "Choose the data to include (All data, or at least Profile and Activity)",
                "File format: JSON",
                "Request data; download the file from the Download data tab when it is ready",
            ),
            "On the Request data tab, change the file format from TXT to JSON.",
            "TikTok says this can take a few days, and the file can be downloaded for 4 days.",
            "https://www.tiktok.com/setting/download-your-data",
            "https://support.tiktok.com/en/account-and-privacy/personalized-ads-and-data/"
            "requesting-your-data",
        ),
        ExportRequest(
            "snapchat",
            "Snapchat",
            (
                "Open accounts.snapchat.com and log in, then click My Data",
                "Turn on Export JSON Files",
                "Tick Friends (and any other data you want), choose the date range",
                "Submit; download the ZIP from the link Snapchat e-mails you",
            ),
            "On the My Data page, turn on Export JSON Files before submitting.",
            "Snapchat says this usually takes a day.",
            "https://accounts.snapchat.com/accounts/downloadmydata",
            "https://help.snapchat.com/hc/en-us/articles/7012305371156",
        ),
    )
}


def request_for(platform_id: str) -> ExportRequest | None:
    """How to request the platform's export, or None where Footprint has no steps for it."""
    return REQUESTS.get(platform_id)


def describe(request: ExportRequest) -> str:
    """The steps as numbered plain text, for the CLI and error messages."""
    lines = [f"{n}. {step}" for n, step in enumerate(request.steps, start=1)]
    return "\n".join([*lines, request.wait])
