"""Documents through the real services production uses (issue 30, point 7): Debian's ClamAV
daemon scans each upload (with a signature of our own for the EICAR test string, since the
virus database cannot be downloaded here), and S3 storage is moto's S3 server on the loopback,
spoken to by django-storages and boto3 as a bucket in production would be."""

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.urls import reverse

from kreftkoordinator.casework.models import Document
from kreftkoordinator.casework.models.documents import storage
from kreftkoordinator.conftest import login

from .test_documents import PDF, upload

# The anti-virus industry's harmless test file: every scanner must report it.
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
CLAMD = shutil.which("clamd") or ("/usr/sbin/clamd" if Path("/usr/sbin/clamd").exists() else None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"zPING\0")
            return sock.recv(16).startswith(b"PONG")
    except OSError:
        return False


@pytest.fixture(scope="module")
def clamd(tmp_path_factory):
    if CLAMD is None:
        pytest.skip("clamd is not installed (./dev test installs Debian's clamav-daemon)")
    folder = tmp_path_factory.mktemp("clamd")
    (folder / "db").mkdir()
    # A body signature (type 0: any file), so it is found inside an allowed PDF too.
    (folder / "db" / "test.ndb").write_text(f"Kreftkoordinator.Test.EICAR:0:*:{EICAR.hex()}\n")
    port = free_port()
    config = folder / "clamd.conf"
    config.write_text(
        f"DatabaseDirectory {folder / 'db'}\nTCPSocket {port}\nTCPAddr 127.0.0.1\n"
        f"Foreground yes\nLogFile {folder / 'log'}\n"
    )
    daemon = subprocess.Popen([CLAMD, "-c", str(config)], stdout=subprocess.DEVNULL)  # noqa: S603
    try:
        deadline = time.monotonic() + 60
        while not answers(port):
            if daemon.poll() is not None or time.monotonic() > deadline:
                log = (folder / "log").read_text() if (folder / "log").exists() else ""
                pytest.fail(f"clamd did not start: {log[-2000:]}")
            time.sleep(0.2)
        yield f"127.0.0.1:{port}"
    finally:
        daemon.terminate()
        daemon.wait(10)


@pytest.mark.django_db
class TestScanning:
    def test_a_pdf_carrying_the_test_virus_is_refused(
        self, client, kari, drammen_case, clamd, settings
    ):
        settings.CLAMAV_ADDRESS = clamd
        login(client, kari)
        response = upload(client, drammen_case, "brev.pdf", PDF + EICAR + b"\n%%EOF\n", "Brev")
        page = response.content.decode()
        assert "Virusskanningen fant Kreftkoordinator.Test.EICAR.UNOFFICIAL i filen." in page
        assert 'value="Brev"' in page
        assert not Document.objects.exists()

    def test_a_clean_file_is_scanned_and_stored(self, client, kari, drammen_case, clamd, settings):
        settings.CLAMAV_ADDRESS = clamd
        login(client, kari)
        assert upload(client, drammen_case, "brev.pdf", PDF).status_code == 302
        assert Document.objects.count() == 1

    def test_a_daemon_that_does_not_answer_stores_nothing(
        self, client, kari, drammen_case, settings
    ):
        settings.CLAMAV_ADDRESS = f"127.0.0.1:{free_port()}"
        login(client, kari)
        response = upload(client, drammen_case, "brev.pdf", PDF)
        assert "Filen kunne ikke skannes for virus akkurat nå" in response.content.decode()
        assert not Document.objects.exists()


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_documents(settings, s3_server, monkeypatch):
    import boto3

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "kreftkoordinator-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "kreftkoordinator-test-secret")
    bucket = "kk-documents"
    s3 = boto3.client("s3", endpoint_url=s3_server, region_name="eu-north-1")
    if bucket not in [b["Name"] for b in s3.list_buckets().get("Buckets", [])]:
        s3.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-north-1"}
        )
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": s3_server,
                "region_name": "eu-north-1",
                "location": "documents",
                "default_acl": "private",
                "file_overwrite": False,
                "object_parameters": {"ServerSideEncryption": "AES256"},
            },
        },
    }
    return s3, bucket


@pytest.mark.django_db
def test_in_s3_the_document_is_a_private_encrypted_object_under_its_random_name(
    client, kari, drammen_case, s3_documents, django_capture_on_commit_callbacks
):
    s3, bucket = s3_documents
    login(client, kari)
    upload(client, drammen_case, "Epikrise Anne Hansen.pdf", PDF, "Epikrise")
    document = Document.objects.get()
    key = f"documents/{document.stored_as}"
    head = s3.head_object(Bucket=bucket, Key=key)
    assert head["ContentLength"] == len(PDF)
    assert head["ServerSideEncryption"] == "AES256"
    grants = s3.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    assert [g["Permission"] for g in grants] == ["FULL_CONTROL"]  # the owner only
    response = client.get(reverse("casework:document_download", args=[document.pk]))
    assert b"".join(response.streaming_content) == PDF
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("casework:document_delete", args=[document.pk]))
    assert not storage().exists(document.stored_as)
    assert s3.list_objects_v2(Bucket=bucket, Prefix=key).get("KeyCount") == 0
