"""The world of the district sign-in tests: a generated OneRoster district, a real OpenID
provider whose accounts carry that roster's emails (and one it does not know), a real SMTP
server, and the app served on a loopback port. Started once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from lrm_graph.config import OidcProvider, Settings
from tests.auth import servers, world


@pytest.fixture(scope="session")
def roster_set(tmp_path_factory: pytest.TempPathFactory) -> world.RosterSet:
    return world.roster_set(tmp_path_factory.mktemp("roster"))


@pytest.fixture(scope="session")
def mailbox() -> Iterator[tuple[servers.Mailbox, int]]:
    with servers.smtp_server() as server:
        yield server


@pytest.fixture(scope="session")
def live(
    settings: Settings,
    roster_set: world.RosterSet,
    mailbox: tuple[servers.Mailbox, int],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[world.Live]:
    """The provider and the app, each knowing the other's address."""
    app_port, provider_port = servers.free_port(), servers.free_port()
    base = f"http://127.0.0.1:{app_port}"
    client = {
        "client_id": world.CLIENT_ID,
        "client_secret": world.CLIENT_SECRET,
        "redirect_uris": [f"{base}/auth/oidc/{name}/callback" for name in world.PROVIDERS],
        "backchannel_logout_uri": f"{base}/auth/oidc/district/backchannel-logout",
    }
    log = Path(tmp_path_factory.mktemp("oidc")) / "provider.log"
    with servers.oidc_provider(
        provider_port, [client], roster_set.provider_accounts, log
    ) as issuer:
        providers = tuple(
            OidcProvider(
                name=name,
                title=title,
                issuer=issuer,
                client_id=world.CLIENT_ID,
                client_secret=SecretStr(world.CLIENT_SECRET),
                email_domains=domains,
            )
            for name, (title, domains) in world.PROVIDERS.items()
        )
        app_settings = settings.model_copy(
            update={
                "oidc_providers": providers,
                "smtp_host": "127.0.0.1",
                "smtp_port": mailbox[1],
                "smtp_starttls": False,
            }
        )
        with servers.served(app_settings, app_port) as url:
            yield world.Live(url, issuer, app_settings, mailbox[0])
