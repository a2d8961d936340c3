"""The replica sites keep up with the shipped probes (no browser needed)."""

from __future__ import annotations

import pytest

from app.automation.urls import UrlMap
from app.checklists.model import Catalogue
from tests.automation.conftest import AUTOMATED
from tests.sites.replica import ReplicaServer


@pytest.fixture
def server(replica: ReplicaServer) -> ReplicaServer:
    return replica


def test_probes_exist_only_on_platforms_that_say_how_to_sign_in(shipped: Catalogue) -> None:
    probed = {p.id for p in shipped.platforms if any(i.probe for i in p.items)}
    assert probed == set(AUTOMATED)
    assert all(shipped.platform(pid).automation is not None for pid in probed)


@pytest.mark.parametrize("platform_id", AUTOMATED)
def test_every_probe_has_a_replica_page_and_both_states(
    shipped: Catalogue, server: ReplicaServer, platform_id: str
) -> None:
    platform, site = shipped.platform(platform_id), server.sites[platform_id]
    urls = UrlMap(server.url_map())
    prefix = f"{server.base}/{platform_id}"
    for item in platform.items:
        if item.probe is None:
            continue
        path = urls(item.probe.url).removeprefix(prefix)
        assert path in site.config["pages"], f"{item.id}: no replica page for {path}"
        assert site.page_for(item.id) == path
        setting = site.config.get("same_setting", {}).get(item.id, item.id)
        assert setting in site.config["safe"] and setting in site.config["unsafe"]
    assert platform.automation is not None
    login = urls(platform.automation.login_url).removeprefix(prefix)
    assert login == site.config["login"]
