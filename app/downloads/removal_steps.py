"""How to remove one person from each list, per platform, as the platforms' help pages say."""

from __future__ import annotations

from app.downloads.findings import ConnectionKind

K = ConnectionKind
_STEPS: dict[str, dict[ConnectionKind, str]] = {
    "facebook": {
        K.FRIEND: "Open their profile, click Friends, then Unfriend.",
        K.FOLLOWER: "Open their profile, click ⋯ then Block (Facebook has no 'remove follower').",
        K.FOLLOWING: "Open their profile, click Following, then Unfollow.",
        K.REQUEST_RECEIVED: "Go to Friends → Friend requests and click Delete next to them.",
        K.REQUEST_SENT: "Go to Friends → Friend requests → View sent requests → Cancel request.",
    },
    "instagram": {
        K.FOLLOWER: "Go to your profile → Followers, find them and tap Remove.",
        K.FOLLOWING: "Go to your profile → Following, find them and tap Following → Unfollow.",
        K.REQUEST_RECEIVED: "Open Notifications → Follow requests and tap Delete next to them.",
        K.REQUEST_SENT: "Open their profile, tap Requested, then Cancel request.",
    },
    "x": {
        K.FOLLOWER: "Open their profile, click ⋯ then Remove this follower.",
        K.FOLLOWING: "Open their profile and click Following → Unfollow.",
    },
    "linkedin": {
        K.CONNECTION: "Open their profile, click More, then Remove connection.",
        K.REQUEST_RECEIVED: "Go to My Network → Invitations and click Ignore next to them.",
        K.REQUEST_SENT: "Go to My Network → Manage invitations → Sent, then Withdraw.",
    },
    "tiktok": {
        K.FOLLOWER: "Go to your profile → Followers, tap ⋯ next to them → Remove this follower.",
        K.FOLLOWING: "Go to your profile → Following and tap Following next to them.",
    },
    "snapchat": {
        K.FRIEND: "Press and hold their name in Chat → Manage Friendship → Remove Friend.",
        K.REQUEST_RECEIVED: "Go to Add Friends → Added Me and tap ✕ next to them.",
        K.REQUEST_SENT: "Open their profile and tap Cancel request (or Remove Friend).",
    },
}
GENERAL = (
    "If you remove someone and they may ask again, block them instead. If a connection worries "
    "you (for example, someone you support found you), tell your line manager and follow your "
    "employer's policy; you do not have to handle it alone."
)


def removal_step(platform_id: str, kind: ConnectionKind) -> str:
    """How to remove someone in list `kind` on the platform; a general step if unknown."""
    platform = _STEPS.get(platform_id, {})
    return platform.get(kind, "Open their profile and remove or block them.")
