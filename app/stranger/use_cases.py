"""Use cases of "See what a stranger sees": the addresses, the look's inputs, its findings.

The worker's public addresses are checked and kept in their public form
(`app.stranger.public_profiles`); a look (`app.stranger.look.look_as_stranger`, run
by the UI as a job) needs one `StrangerRequest` per address and the worker's own terms; its
views become `SeenFinding`s — Footprint's words and a date, nothing of the page — which
replace each platform's earlier findings and become evidence beside audit items.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from app.audit.profile import WorkerProfile
from app.checklists.model import Catalogue
from app.storage.store import Store
from app.stranger.evidence import OutsideEvidence, SeenFinding, evidence_for
from app.stranger.look import StrangerRequest
from app.stranger.profile_addresses import address_problems, normalise_all
from app.stranger.public_profiles import PROFILES
from app.stranger.view import StrangerView, WorkerTerms


@dataclass(frozen=True)
class AddressField:
    """One platform's row in Settings, "Your public profiles"."""

    platform_id: str
    platform_name: str
    placeholder: str  # the public form of the platform's example handle
    address: str  # as saved, or ""
    used: bool  # among the platforms the worker uses (listed first)


def address_fields(
    catalogue: Catalogue, profile: WorkerProfile | None, addresses: Mapping[str, str]
) -> list[AddressField]:
    """A field for every platform with a public profile page: the worker's platforms first,
    each group in the catalogue's order."""
    used = set(profile.platform_ids) if profile else set()
    names = {p.id: p.name for p in catalogue.platforms}
    order = [p.id for p in catalogue.platforms] + [pid for pid in PROFILES if pid not in names]
    fields = [
        AddressField(
            pid,
            names.get(pid, pid.title()),
            PROFILES[pid].public_address(PROFILES[pid].example),
            addresses.get(pid, ""),
            pid in used,
        )
        for pid in order
        if pid in PROFILES
    ]
    return sorted(fields, key=lambda f: not f.used)  # stable: catalogue order within groups


def save_addresses(store: Store, typed: Mapping[str, str]) -> dict[str, str]:
    """Save the typed addresses in their public form; returns the problems by platform
    instead, saving nothing, if any cannot be used."""
    problems = address_problems(typed)
    if not problems:
        store.save_public_addresses(normalise_all(typed))
    return problems


def worker_terms(profile: WorkerProfile | None) -> WorkerTerms:
    """What to look for on the pages: the worker's name, organisation and role."""
    if profile is None:
        return WorkerTerms()
    return WorkerTerms(profile.display_name, profile.organisation, profile.role)


def stranger_requests(catalogue: Catalogue, addresses: Mapping[str, str]) -> list[StrangerRequest]:
    """One request per saved address, in the catalogue's order, with the platform's own
    words for cookie notices, error and rate-limit screens where its audit file has them."""
    requests = []
    platforms = {p.id: p for p in catalogue.platforms}
    for platform_id in sorted(addresses, key=_catalogue_order(catalogue)):
        platform = platforms.get(platform_id)
        words = platform.automation.words("") if platform and platform.automation else None
        requests.append(
            StrangerRequest(
                platform_id,
                platform.name if platform else platform_id.title(),
                addresses[platform_id],
                consent=words.consent if words else (),
                error_texts=words.error_texts if words else (),
                rate_limit_texts=words.rate_limit_texts if words else (),
            )
        )
    return requests


def _catalogue_order(catalogue: Catalogue) -> Callable[[str], int]:
    order = {p.id: n for n, p in enumerate(catalogue.platforms)}
    return lambda platform_id: order.get(platform_id, len(order))


def findings_of(views: Iterable[StrangerView]) -> list[SeenFinding]:
    """The findings to keep from a look: topic, verdict, reason and date only. A platform
    that could not be seen (an obstacle) gives none, so its earlier findings stay."""
    return [
        SeenFinding(v.platform_id, f.topic.value, f.verdict.value, f.reason, v.seen_at, f.caveat)
        for v in views
        if v.obstacle is None
        for f in v.findings
    ]


def record_views(store: Store, views: Iterable[StrangerView]) -> list[SeenFinding]:
    """Keep the findings of every platform seen; each replaces that platform's earlier ones."""
    found = findings_of(views)
    store.save_outside_findings({f.platform_id for f in found}, found)
    return found


def outside_evidence(
    store: Store, catalogue: Catalogue, now: datetime
) -> dict[tuple[str, str], OutsideEvidence]:
    """The latest stranger's-view evidence, by (platform, item); a look older than its
    platform's re-check interval is marked stale."""
    intervals = {p.id: p.policy_recheck_days or p.recheck_days for p in catalogue.platforms}
    return evidence_for(store.outside_findings(), now=now, recheck_days=intervals)
