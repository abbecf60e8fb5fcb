"""The password policy: each rule refuses with its own reason, in Chinese and English."""

import pytest

from roster.access.passwords import PasswordPolicyError, check_password
from roster.demo.accounts import DEMO_PASSWORD


@pytest.mark.parametrize(
    ("password", "zh", "en"),
    [
        ("short", "口令长度须为 10 至 256 个字符", "10 to 256 characters"),
        ("x" * 257, "口令长度", "256 characters"),
        ("correct\x00horse", "控制字符", "control or invisible"),
        ("correct\u202ehorse", "不可见字符", "invisible"),  # a bidi override
        ("bad\tpassword1", "控制字符", "control"),
        ("my name is yutai", "用户名", "username"),
        ("aaaaaaaaaaaa", "重复的字符", "repeated characters"),
        ("abababababab", "重复的字符", "repeated"),
        ("abcdabcdabcd", "重复的字符", "repeated"),
        ("1234567890", "连续的字符", "sequential"),
        ("0987654321", "连续的字符", "sequential"),
        ("7890123456", "连续的字符", "sequential"),
        ("abcdefghijk", "连续的字符", "sequential"),
        ("QWERTYUIOP", "连续的字符", "sequential"),
        ("1qaz2wsx3edc", "连续的字符", "sequential"),
        ("qwerty2026!", "连续的字符", "sequential"),
        ("password", "口令长度", "characters"),  # too short comes first
        ("password2026", "最常用的口令", "most common"),
        ("P@ssw0rd2026!", "最常用的口令", "most common"),
        ("woaini1314520", "最常用的口令", "most common"),
        ("1314woaini", "最常用的口令", "most common"),
        ("iloveyou123456", "最常用的口令", "most common"),
        ("a123456789", "最常用的口令", "most common"),
        ("Zhiban@2026", "最常用的口令", "most common"),
    ],
)
def test_a_weak_password_is_refused_with_its_reason(password, zh, en):
    with pytest.raises(PasswordPolicyError) as refused:
        check_password(password, "yutai")
    assert zh in refused.value.text("zh") and en in refused.value.text("en")


@pytest.mark.parametrize(
    "password",
    [DEMO_PASSWORD, "correct horse battery", "tr0ub4dor&3x", "2026shifan", "wxyz7391046!",
     "鱼台县值班2026年排班", "a brand new secret"],
)  # fmt: skip
def test_a_reasonable_password_passes(password):
    check_password(password, "yutai")
