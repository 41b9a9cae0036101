"""A RemoteStore on the Virtuoso that .ci/virtuoso.sh starts, configured by DIKG_TEST_VIRTUOSO_* variables."""

from __future__ import annotations

import os

from graph.remote import RemoteSettings, RemoteStore

__all__ = ["VirtuosoTestStore", "make_store", "settings"]


def settings(**overrides: object) -> RemoteSettings:
    """Return the test server's settings (``DIKG_TEST_VIRTUOSO_URL`` etc.), with ``overrides``."""
    env = os.environ
    url = env["DIKG_TEST_VIRTUOSO_URL"]
    return RemoteSettings.for_url(
        url,
        update_url=env.get("DIKG_TEST_VIRTUOSO_UPDATE_URL"),
        gsp_url=env.get("DIKG_TEST_VIRTUOSO_GSP_URL"),
        user=env.get("DIKG_TEST_VIRTUOSO_USER"),
        password=env.get("DIKG_TEST_VIRTUOSO_PASSWORD"),
        timeout=30.0,
        **overrides,
    )


class VirtuosoTestStore(RemoteStore):
    """A RemoteStore that can also empty itself between tests."""

    def clear(self) -> None:
        """Drop every dikg graph on the server (Virtuoso's own graphs stay)."""
        for g in self.named_graphs():
            self.remove_article(g)


def make_store(**overrides: object) -> VirtuosoTestStore:
    """Return a store on the test Virtuoso."""
    return VirtuosoTestStore(settings(**overrides))
