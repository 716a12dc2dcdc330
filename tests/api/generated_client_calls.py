"""Calls through the client generated from /openapi.json, run by test_client_generation.py
in the tools venv beside the generated `lrm_client` (not a test module itself).

    python generated_client_calls.py BASE_URL EMAIL PASSWORD

Signs in, creates a learner, an adult and a mentoring relationship, reads them back and
runs a report, each through its generated call; prints what came back as one JSON object.
"""

from __future__ import annotations

import json
import sys

from lrm_client import AuthenticatedClient, Client
from lrm_client.api.adults import adults_create
from lrm_client.api.auth import auth_sign_in, auth_who_am_i
from lrm_client.api.learners import learners_create, learners_get, learners_list
from lrm_client.api.relationships import relationships_create, relationships_list
from lrm_client.api.reports import reports_unmentored
from lrm_client.models import (
    AdultCreate,
    AdultRole,
    BodyAuthSignIn,
    LearnerCreate,
    LearnerOut,
    RelationshipFields,
    RelType,
    TokenOut,
)


def main(base_url: str, email: str, password: str) -> dict[str, object]:
    signed_in = auth_sign_in.sync(
        client=Client(base_url=base_url), body=BodyAuthSignIn(username=email, password=password)
    )
    assert isinstance(signed_in, TokenOut), signed_in
    api = AuthenticatedClient(base_url=base_url, token=signed_in.access_token)
    me = auth_who_am_i.sync_detailed(client=api)
    learner = learners_create.sync(
        client=api, body=LearnerCreate(given_name="Ines", family_name="Varga")
    )
    assert isinstance(learner, LearnerOut), learner
    adult = adults_create.sync(
        client=api,
        body=AdultCreate(given_name="Tomas", family_name="Lind", roles=[AdultRole.MENTOR]),
    )
    made = relationships_create.sync(
        client=api,
        body=RelationshipFields(type_=RelType.MENTORS, from_uid=adult.uid, to_uid=learner.uid),
    )
    read = learners_get.sync(client=api, uid=learner.uid)
    listed = learners_list.sync(client=api, limit=10)
    related = relationships_list.sync(client=api, node=learner.uid)
    report = reports_unmentored.sync(client=api)
    return {
        "who_am_i": me.status_code,
        "learner": learner.uid,
        "read": [read.uid, read.name],
        "listed": [item.uid for item in listed.items],
        "relationship": [made.type_.value, made.from_uid, made.to_uid],
        "related": [item.uid for item in related.items],
        "relationship_uid": made.uid,
        "report": [report.report, report.scope],
    }


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:4])))
