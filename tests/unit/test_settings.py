"""Settings from the environment: trusted proxies are addresses or networks, or nothing."""

import pytest

from roster.settings import Settings, SettingsError


def test_trusted_proxies_are_normalised_networks():
    settings = Settings.from_env({"ROSTER_TRUSTED_PROXIES": " 127.0.0.1, 10.1.2.3/8 ,::1,"})
    assert settings.trusted_proxies == ("127.0.0.1/32", "10.0.0.0/8", "::1/128")
    assert Settings.from_env({}).trusted_proxies == ()


def test_a_mistyped_proxy_stops_the_start_with_a_readable_reason():
    with pytest.raises(SettingsError) as refused:
        Settings.from_env({"ROSTER_TRUSTED_PROXIES": "127.0.0.1, nginx"})
    assert "nginx" in refused.value.message and "not an IP address" in refused.value.message_en


@pytest.mark.parametrize("value", ["abc", "0", "70000", "８０８０", ""])
def test_a_port_that_cannot_be_is_refused_in_words(value):
    with pytest.raises(SettingsError) as refused:
        Settings.from_env({"ROSTER_PORT": value})
    assert "ROSTER_PORT" in refused.value.message and "端口号" in refused.value.message
