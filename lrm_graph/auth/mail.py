"""Invitation mail, sent through the SMTP server the settings name (none: no mail; the
inviter hands the link on)."""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage

from lrm_graph.config import Settings

log = logging.getLogger("lrm_graph.mail")
SMTP_TIMEOUT = 15.0


@dataclass(frozen=True)
class Invitation:
    to: str
    link: str
    guardian_name: str | None
    learner_name: str | None


def invitation_message(
    settings: Settings, letter: Invitation, expires_at: datetime
) -> EmailMessage:
    """Write the invitation: who it is for, the one-time link, until when it holds."""
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = letter.to
    message["Subject"] = "You are invited to LRM Graph"
    greeting = f"Dear {letter.guardian_name}," if letter.guardian_name else "Hello,"
    child = letter.learner_name or "your child"
    message.set_content(
        f"{greeting}\n\n"
        f"{child}'s school invites you to see {child}'s support network and goals in "
        "LRM Graph.\n\n"
        f"Open this link to set a password or to sign in with your own account:\n{letter.link}\n\n"
        f"The link works once, until {expires_at:%Y-%m-%d %H:%M} UTC. If you did not expect "
        "this mail, you may ignore it.\n"
    )
    return message


def send_invitation(settings: Settings, letter: Invitation, expires_at: datetime) -> bool:
    """Send the invitation; return whether it was sent. A mail server that fails does not
    undo the invitation: the inviter has the link and can hand it on."""
    if not settings.smtp_host:
        return False
    message = invitation_message(settings, letter, expires_at)
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT) as smtp:
            if settings.smtp_starttls:
                smtp.starttls()
            if settings.smtp_user and settings.smtp_password:
                smtp.login(settings.smtp_user, settings.smtp_password.get_secret_value())
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        log.warning("could not mail the invitation to %s: %s", letter.to, exc)
        return False
    return True
