"""Sign-in, sessions and CSRF: what the console refuses."""

from __future__ import annotations

from consolekit import csrf_of, sign_in
from sqlmodel import select

from arbox.tools.models import Approval, Task


def test_pages_need_a_signed_in_analyst(make_client, books):
    client = make_client()
    for path in (
        "/console/approvals",
        "/console/notices",
        "/console/tasks",
        "/console/customers/ACME",
        "/console/search?q=a",
        "/console/dashboard",
        "/console/dashboard?csv=aging",
    ):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303, path
        assert r.headers["location"].startswith("/console/login?next=")
    r = client.post("/console/approvals/1/accept", data={"csrf": "x"}, follow_redirects=False)
    assert r.status_code == 401


def test_wrong_token_or_no_name_is_refused(make_client, books):
    client = make_client()
    assert sign_in(client, token="not-the-token").status_code == 401
    assert sign_in(client, name="  ").status_code == 401
    assert client.get("/console/tasks", follow_redirects=False).status_code == 303
    assert sign_in(client).status_code == 303
    assert client.get("/console/tasks").status_code == 200


def test_without_a_token_configured_nobody_signs_in(make_client, books):
    client = make_client(api_token=None)
    page = client.get("/console/login")
    assert "Sign-in is off" in page.text
    r = client.post("/console/login", data={"csrf": "x", "name": "A", "secret": ""})
    assert r.status_code == 403


def test_a_forged_or_altered_cookie_is_not_a_session(make_client, books):
    client = make_client()
    sign_in(client)
    cookie = client.cookies.get("arbox_console")
    assert cookie
    body, mac = cookie.rsplit(".", 1)
    client.cookies.clear()
    forged = {"Cookie": f"arbox_console={body}.{'0' * len(mac)}"}
    assert client.get("/console/tasks", headers=forged, follow_redirects=False).status_code == 303
    assert (
        client.get("/console/tasks", headers={"Cookie": f"arbox_console={cookie}"}).status_code
        == 200
    )


def test_posts_without_the_csrf_token_are_refused(console, books):
    with books.session() as s:
        approval = s.exec(select(Approval)).one()
    url = f"/console/approvals/{approval.id}/accept"
    assert console.post(url, data={}).status_code == 403
    assert console.post(url, data={"csrf": "0" * 64}).status_code == 403
    # A token from another visitor's session is not this session's.
    other = console.__class__(console.app)
    stranger = csrf_of(other.get("/console/login").text)
    assert console.post(url, data={"csrf": stranger}).status_code == 403
    with books.session() as s:
        assert s.get(Approval, approval.id).status == "pending"
    # The sign-in form is protected too.
    fresh = console.__class__(console.app)
    r = fresh.post("/console/login", data={"name": "M", "secret": "test-token-0123456789"})
    assert r.status_code == 403


def test_sign_in_redirects_only_inside_the_console(make_client, books):
    client = make_client()
    page = client.get("/console/login?next=https://evil.example/")
    r = client.post(
        "/console/login",
        data={
            "csrf": csrf_of(page.text),
            "name": "A",
            "secret": "test-token-0123456789",
            "next": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert r.headers["location"] == "/console/approvals"


def test_sign_out_ends_the_session(console):
    page = console.get("/console/tasks")
    r = console.post("/console/logout", data={"csrf": csrf_of(page.text)}, follow_redirects=False)
    assert r.status_code == 303
    assert console.get("/console/tasks", follow_redirects=False).status_code == 303


def test_every_table_downloads_as_csv(console, books):
    for path, name, header in (
        ("/console/approvals", "pending", "id,received,customer,from,subject,intents"),
        ("/console/notices", "held", "id,customer,to,stage,invoices,total"),
        ("/console/tasks?queue=sales", "tasks", "id,created,customer,invoices,summary"),
        ("/console/customers/ACME", "open_items", "invoice,po,project,issued,due"),
        ("/console/customers/ACME", "timeline", "when,kind,who,what,detail"),
        ("/console/search?q=INV", "invoices", "invoice,customer,po,due,amount,balance"),
        ("/console/dashboard", "figures", "figure,value,definition"),
        ("/console/dashboard", "aging", "bucket,invoices,amount,share"),
    ):
        sep = "&" if "?" in path else "?"
        r = console.get(f"{path}{sep}csv={name}")
        assert r.status_code == 200, (path, name)
        assert r.headers["content-type"].startswith("text/csv")
        assert r.text.startswith(header), (path, r.text[:80])
    lines = console.get("/console/customers/ACME?csv=open_items").text.splitlines()
    assert lines[1].startswith("INV-1,") and ",1250.00,1250.00,open" in lines[1]


def test_claim_and_close_a_task(console, books):
    with books.transaction() as s:
        task = Task(queue="billing", summary="Send a copy of INV-1", customer_id=1)
        s.add(task)
        s.flush()
        s.expunge(task)
    page = console.get(f"/console/tasks?queue={task.queue}")
    token = csrf_of(page.text)
    console.post(f"/console/tasks/{task.id}/claim", data={"csrf": token, "queue": task.queue})
    r = console.post(
        f"/console/tasks/{task.id}/close",
        data={"csrf": token, "queue": task.queue, "status": "done", "note": "called them"},
    )
    assert f"task {task.id} done by Alice" in r.text
    with books.session() as s:
        row = s.get(Task, task.id)
        assert (row.status, row.assignee) == ("done", "Alice")


def test_console_users_sign_in_with_their_own_password(make_client, books):
    from arbox.tools.models import AuditLog
    from arbox.tools.users import disable_user, set_user

    client = make_client()
    assert sign_in(client, name="Bob").status_code == 303  # no users yet: the token
    with books.transaction() as s:
        set_user(s, "Alice", "correct horse battery", actor="admin")
    # The first user ends the token's sessions and the token no longer signs in.
    assert client.get("/console/tasks", follow_redirects=False).status_code == 303
    assert sign_in(client, name="Bob").status_code == 401
    assert sign_in(client, name="Alice", token="wrong password!").status_code == 401
    assert sign_in(client, name="Alice", token="correct horse battery").status_code == 303
    assert client.get("/console/tasks").status_code == 200
    with books.transaction() as s:
        disable_user(s, "Alice", actor="admin")
    assert client.get("/console/tasks", follow_redirects=False).status_code == 303
    with books.session() as s:
        trail = s.exec(select(AuditLog).where(AuditLog.target == "user:Alice")).all()
        assert [a.action for a in trail] == ["user.add", "user.disable"]
        assert all("horse" not in str(a.after) for a in trail)


def test_passwords_are_scrypt_hashes() -> None:
    import pytest

    from arbox.tools.errors import InvalidValue
    from arbox.tools.users import hash_password, verify_password

    stored = hash_password("correct horse battery")
    assert stored.startswith("scrypt$16384$8$1$") and "horse" not in stored
    assert verify_password(stored, "correct horse battery")
    assert not verify_password(stored, "correct horse batterz")
    assert not verify_password("md5$abc", "x")
    assert hash_password("same password") != hash_password("same password")  # salted
    from arbox.tools.users import set_user

    with pytest.raises(InvalidValue, match="at least 12"):
        set_user(None, "A", "short", actor="x")  # type: ignore[arg-type]


def test_arbox_users_add_list_disable(books) -> None:
    from typer.testing import CliRunner

    from arbox.cli import app
    from arbox.tools.users import check_user

    run = CliRunner()
    db = ["--db", books.url]
    out = run.invoke(app, ["users", "add", "Alice", *db], input="correct horse battery\n" * 2)
    assert out.exit_code == 0, out.output
    assert (
        run.invoke(app, ["users", "add", "Bob", "--password-stdin", *db], input="short\n").exit_code
        == 2
    )
    listed = run.invoke(app, ["users", "list", *db])
    assert listed.output.split()[:2] == ["Alice", "active"] and "Bob" not in listed.output
    with books.session() as s:
        assert check_user(s, "Alice", "correct horse battery")
    assert run.invoke(app, ["users", "disable", "Alice", *db]).exit_code == 0
    with books.session() as s:
        assert not check_user(s, "Alice", "correct horse battery")


def test_failed_sign_ins_are_throttled(make_client, books):
    from arbox.api.console.signin import MAX_FAILURES

    client = make_client()
    for _ in range(MAX_FAILURES):
        assert sign_in(client, token="guess").status_code == 401
    r = sign_in(client)  # even the right token, from this address, for a while
    assert r.status_code == 429 and "Too many failed sign-ins" in r.text
