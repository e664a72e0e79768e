"""curate's connection to one Label Studio, over label-studio-sdk, with failures as one-liners.

Every call goes through :meth:`LabelStudioClient._calling`, which turns connection errors,
refused keys, HTTP errors and non-Label-Studio answers into a :class:`LabelStudioError` that
names the server and says what to do (never the key). Idempotent calls are retried by the
SDK on connection resets and HTTP 5xx with exponential backoff (``retries`` times); calls
that create something are not, since a retry after a lost answer could create it twice.
"""

import contextlib
import json
import math
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
from label_studio_sdk import LabelStudio
from label_studio_sdk.core.api_error import ApiError
from label_studio_sdk.core.request_options import RequestOptions

from curate.credentials import KEY_VARIABLE, URL_VARIABLE, Credentials, load_credentials
from curate.errors import LabelStudioError

RETRIES = 3
NO_RETRY: RequestOptions = {"max_retries": 0}
#: The first call retries once only: a server that is down usually stays down.
PROBE: RequestOptions = {"max_retries": 1}
#: Export snapshot contents: every annotation with its annotator's email, full predictions.
#: Full predictions double the export time (Label Studio's own default is their ids only),
#: but the agreement report compares them with the gold.
SNAPSHOT_OPTIONS: dict[str, Any] = {
    "serialization_options": {
        "predictions": {"only_id": False},
        "annotations__completed_by": {"only_id": False},
    },
    "annotation_filter_options": {"usual": True, "ground_truth": True, "skipped": True},
}
#: The same without prediction bodies, for counting.
COUNTING_OPTIONS: dict[str, Any] = {
    **SNAPSHOT_OPTIONS,
    "serialization_options": {"annotations__completed_by": {"only_id": False}},
}


#: The pace below which an export is taken for stuck: Label Studio builds 100-150 tasks a
#: second with full predictions on a 2-core machine, so a fixed limit would fail a large
#: project whose export is merely long (100,000 tasks take over ten minutes).
SLOWEST_EXPORT_TASKS_PER_SECOND = 10
SHORTEST_EXPORT_WAIT = 600.0


def export_wait(task_count: int) -> float:
    """Seconds to wait for an export snapshot of ``task_count`` tasks before giving up."""
    return max(SHORTEST_EXPORT_WAIT, task_count / SLOWEST_EXPORT_TASKS_PER_SECOND)


class LabelStudioUnavailable(LabelStudioError):
    """The server could not be reached or failed (HTTP 5xx): worth retrying later."""


@dataclass(frozen=True)
class Project:
    """A Label Studio project as curate needs it."""

    id: int
    title: str
    task_count: int


@dataclass(frozen=True)
class MLBackend:
    """An ML backend connected to a project, as Label Studio lists it."""

    id: int
    url: str
    title: str
    description: str


@dataclass(frozen=True)
class StoredTask:
    """A task already in a project: its id, the article it holds, and its annotation count."""

    id: int
    article_id: str | None
    content_hash: str | None
    annotations: int


@dataclass(frozen=True)
class TaskProgress:
    """A task's annotation counts from the task list: completed, cancelled, and the ids of
    the users who annotated it (each once, cancelled work included)."""

    id: int
    annotations: int
    cancelled: int
    annotator_ids: tuple[int, ...]


def connect(
    credentials: Credentials, *, timeout: float = 300.0, retries: int = RETRIES
) -> "LabelStudioClient":
    """A client for the Label Studio at ``credentials.url``, checked to accept the key."""
    parts = urlsplit(credentials.url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LabelStudioError(
            f"{URL_VARIABLE} must be an http:// or https:// URL, "
            f"not {display_url(credentials.url)!r}"
        )
    client = LabelStudioClient(credentials, timeout=timeout, retries=retries)
    client.check()
    return client


def connect_configured(url: str | None = None) -> "LabelStudioClient":
    """A client for the configured Label Studio: ``url``, else $LABEL_STUDIO_URL, else the
    credentials file (see :func:`curate.credentials.load_credentials`)."""
    return connect(load_credentials(url=url))


def display_url(url: str) -> str:
    """``url`` without any user:password part, fit for messages."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


class LabelStudioClient:
    """The Label Studio calls curate makes; each raises LabelStudioError on failure."""

    def __init__(self, credentials: Credentials, *, timeout: float, retries: int) -> None:
        self.url = display_url(credentials.url)
        with self._calling("connecting"):
            self.sdk = LabelStudio(
                base_url=credentials.url,
                api_key=credentials.api_key,
                timeout=timeout,
                max_retries=retries,
            )

    def check(self) -> None:
        """Fail unless the URL is a Label Studio that accepts the key."""
        with self._calling("asking its version", probe=True):
            version = self.sdk.versions.get(request_options=PROBE)
        if not getattr(version, "release", None):
            raise self._not_label_studio("GET /api/version answered without a release")
        with self._calling("checking the API key"):
            self.sdk.users.whoami()

    # ---- projects ------------------------------------------------------------------------

    def find_project(self, title: str) -> Project | None:
        """The project titled exactly ``title`` (the oldest, if several), or None."""
        with self._calling(f"looking up project {title!r}"):
            matches = [
                project
                for project in self.sdk.projects.list(title=title, include="id,title,task_number")
                if project.title == title
            ]
        if not matches:
            return None
        oldest = min(matches, key=lambda project: project.id)
        return Project(id=oldest.id, title=title, task_count=oldest.task_number or 0)

    def project(self, title: str) -> Project:
        """The project titled ``title``; raise if there is none."""
        found = self.find_project(title)
        if found is None:
            raise LabelStudioError(
                f"no project titled {title!r} at {self.url}: create it with `curate push`"
            )
        return found

    def create_project(self, title: str, *, label_config: str, instructions: str) -> Project:
        """Create a project with the labeling interface and the annotator guidelines shown."""
        with self._calling(f"creating project {title!r}"):
            created = self.sdk.projects.create(
                title=title,
                label_config=label_config,
                expert_instruction=instructions,
                show_instruction=True,
                request_options=NO_RETRY,
            )
        return Project(id=created.id, title=title, task_count=0)

    def task_count(self, project_id: int) -> int:
        with self._calling("counting the project's tasks"):
            return self.sdk.projects.get(project_id).task_number or 0

    # ---- tasks ---------------------------------------------------------------------------

    def stored_tasks(self, project_id: int, *, page_size: int = 5000) -> list[StoredTask]:
        """Every task of the project with the article id and content hash in its data."""
        include = "id,data,total_annotations,cancelled_annotations"
        with self._calling("listing the project's tasks"):
            pager = self.sdk.tasks.list(project=project_id, include=include, page_size=page_size)
            return [
                StoredTask(
                    id=task.id,
                    article_id=_text_or_none((task.data or {}).get("id")),
                    content_hash=_text_or_none((task.data or {}).get("content_hash")),
                    annotations=(task.total_annotations or 0) + (task.cancelled_annotations or 0),
                )
                for task in pager
            ]

    def task_progress(self, project_id: int, *, page_size: int = 5000) -> list[TaskProgress]:
        """Every task's annotation counts and annotators, without the task data."""
        include = "id,total_annotations,cancelled_annotations,annotators"
        with self._calling("listing the project's tasks"):
            pager = self.sdk.tasks.list(project=project_id, include=include, page_size=page_size)
            return [
                TaskProgress(
                    id=task.id,
                    annotations=task.total_annotations or 0,
                    cancelled=task.cancelled_annotations or 0,
                    annotator_ids=tuple(task.annotators or ()),
                )
                for task in pager
            ]

    def user_emails(self) -> dict[int, str]:
        """The organisation's users: id → email."""
        with self._calling("listing users"):
            return {int(user.id): user.email or "" for user in self.sdk.users.list()}

    def import_tasks(self, project_id: int, tasks: Sequence[Mapping[str, Any]]) -> int:
        """Import ``tasks`` in one request (one server transaction); return how many were made."""
        tasks_json = json.dumps(list(tasks), ensure_ascii=False)
        return self.import_tasks_json(project_id, tasks_json, count=len(tasks))

    def import_tasks_json(self, project_id: int, tasks_json: str, *, count: int) -> int:
        """Import the ``count`` tasks of ``tasks_json``, a JSON array, in one request (one
        server transaction); return how many were made.

        The text is sent as it is, through the SDK's HTTP client (its URL, key, timeout):
        ``projects.import_tasks`` would first walk every object of every task in Python to
        encode it, 2 s of CPU for a batch of 500 news tasks, which a push rather spends on
        preparing the next batch while the server stores this one.
        """
        with self._calling(f"importing {count} task(s)"):
            response = self.sdk._client_wrapper.httpx_client.request(
                f"api/projects/{project_id}/import",
                method="POST",
                content=tasks_json.encode("utf-8"),
                headers={"content-type": "application/json"},
                request_options=NO_RETRY,
            )
            if not 200 <= response.status_code < 300:
                raise ApiError(
                    status_code=response.status_code,
                    headers=dict(response.headers),
                    body=_body_of(response),
                )
            return int(response.json().get("task_count") or 0)

    def delete_tasks(self, project_id: int, task_ids: Sequence[int]) -> None:
        with self._calling(f"deleting {len(task_ids)} task(s)"):
            self.sdk.actions.create(
                id="delete_tasks",
                project=project_id,
                selected_items={"all": False, "included": list(task_ids)},
            )

    # ---- export snapshots ------------------------------------------------------------------

    def download_snapshot(
        self,
        project: Project,
        receive: Callable[[bytes], object],
        *,
        predictions: bool = True,
        keep: bool = True,
        poll_interval: float = 0.05,
    ) -> None:
        """Make a JSON export snapshot of the project (the UI's Export → JSON format) and pass
        it to ``receive`` chunk by chunk as it downloads (1 MiB each: memory stays flat).

        Without ``predictions`` the tasks list only their predictions' ids; unless ``keep``,
        the snapshot is deleted on the server once downloaded. An export still unfinished
        after :func:`export_wait` of the project's size is an error.

        The snapshot is downloaded as stored. Asked for it "as JSON", Label Studio 1.23 (its
        asynchronous conversion flag off, as it ships) converts JSON to JSON inside the
        download request: three copies of the file on the server, the last left behind in its
        temporary directory (2.2 GB a pull at 100,000 tasks).

        Label Studio without a job queue builds the export inside the request that creates
        it, so that request may take as long as the export (over 300 s at 100,000 tasks): it
        gets the same wait. A transient failure of it (a 503, a reset) is retried as any call.
        """
        project_id, timeout = project.id, export_wait(project.task_count)
        options = SNAPSHOT_OPTIONS if predictions else COUNTING_OPTIONS
        creating: RequestOptions = {"timeout_in_seconds": math.ceil(timeout)}
        with self._calling("creating an export snapshot"):
            export = self.sdk.projects.exports.create(
                project_id, **options, request_options=creating
            )
            deadline = time.monotonic() + timeout
            status = export.status
            while status not in ("completed", "failed"):
                if time.monotonic() > deadline:
                    raise LabelStudioError(
                        f"Label Studio at {self.url} did not finish export {export.id} "
                        f"within {timeout:.0f} s: try again later"
                    )
                time.sleep(poll_interval)
                status = self.sdk.projects.exports.get(project_id, export.id).status
        if status == "failed":
            raise LabelStudioError(
                f"Label Studio at {self.url} failed to export project {project_id}: see its log"
            )
        with self._calling("downloading the export snapshot"):
            chunks = self.sdk.projects.exports.download(
                project_id, export.id, request_options={"chunk_size": 1 << 20}
            )
            for chunk in chunks:
                receive(chunk)
        if not keep:
            with self._calling("deleting the export snapshot"):
                self.sdk.projects.exports.delete(project_id, export.id)

    # ---- users and annotations -----------------------------------------------------------

    def create_user(self, email: str, *, password: str | None = None) -> int:
        """Create an annotator in the organisation; return their user id."""
        with self._calling(f"creating user {email}"):
            user = self.sdk.users.create(
                username=email.partition("@")[0],
                email=email,
                password=password,
                request_options=NO_RETRY,
            )
        return int(user.id)

    def create_annotation(
        self,
        task_id: int,
        *,
        result: Sequence[Mapping[str, Any]],
        completed_by: int,
        was_cancelled: bool = False,
        ground_truth: bool = False,
    ) -> int:
        """Post one annotator's annotation of a task; return its id."""
        with self._calling(f"annotating task {task_id}"):
            annotation = self.sdk.annotations.create(
                task_id,
                result=[dict(region) for region in result],
                completed_by=completed_by,
                was_cancelled=was_cancelled,
                ground_truth=ground_truth,
                request_options=NO_RETRY,
            )
        return int(annotation.id or 0)

    # ---- ML backends (see curate.ml_backend) -------------------------------------------------

    def ml_backends(self, project_id: int) -> list[MLBackend]:
        """The project's ML backends, their URLs without a trailing slash."""
        with self._calling("listing the project's ML backends"):
            return [
                MLBackend(
                    id=int(backend.id or 0),
                    url=backend.url.rstrip("/"),
                    title=backend.title or "",
                    description=backend.description or "",
                )
                for backend in self.sdk.ml.list(project=project_id)
            ]

    def add_ml_backend(
        self, project_id: int, *, url: str, title: str, description: str = ""
    ) -> int:
        """Connect the ML backend at ``url`` (Label Studio calls its /health and /setup first)."""
        with self._calling(f"connecting the ML backend at {url}"):
            backend = self.sdk.ml.create(
                project=project_id,
                url=url,
                title=title,
                description=description,
                request_options=NO_RETRY,
            )
        return int(backend.id)

    def delete_ml_backend(self, backend_id: int) -> None:
        """Disconnect an ML backend from its project."""
        with self._calling(f"disconnecting ML backend {backend_id}"):
            self.sdk.ml.delete(backend_id)

    def register_webhook(self, project_id: int, url: str, *, actions: Sequence[str]) -> int:
        """Have Label Studio send the project's ``actions`` events (with their payload) to
        ``url``; a webhook already sending there is reused. Return its id."""
        with self._calling(f"registering the webhook {url}"):
            for hook in self.sdk.webhooks.list(project=str(project_id)):
                if hook.url.rstrip("/") == url.rstrip("/") and hook.project == project_id:
                    return int(hook.id or 0)
            hook = self.sdk.webhooks.create(
                project=project_id,
                url=url,
                actions=list(actions),  # type: ignore[arg-type]
                send_payload=True,
                send_for_all_actions=False,
                is_active=True,
                request_options=NO_RETRY,
            )
        return int(hook.id or 0)

    def retrieve_predictions(self, project_id: int) -> None:
        """Have the project's ML backend predict every task lacking its model version's work."""
        with self._calling("retrieving predictions from the ML backend"):
            self.sdk.actions.create(
                id="retrieve_tasks_predictions",
                project=project_id,
                selected_items={"all": True, "excluded": []},
            )

    # ---- error mapping -------------------------------------------------------------------

    @contextlib.contextmanager
    def _calling(self, action: str, *, probe: bool = False) -> Iterator[None]:
        try:
            yield
        except LabelStudioError:
            raise
        except ApiError as error:
            raise self._api_error(error, action, probe=probe) from None
        except (httpx.ConnectError, httpx.ConnectTimeout):
            raise LabelStudioUnavailable(
                f"no Label Studio answers at {self.url}: start one with `curate up`, "
                f"or set {URL_VARIABLE}"
            ) from None
        except httpx.TimeoutException:
            raise LabelStudioUnavailable(
                f"Label Studio at {self.url} did not answer in time while {action}: "
                "rerun when it is less busy (push and pull are safe to rerun)"
            ) from None
        except httpx.TransportError as error:
            raise LabelStudioUnavailable(
                f"the connection to Label Studio at {self.url} broke while {action} "
                f"({type(error).__name__}): rerun when it is back (push and pull are safe to rerun)"
            ) from None
        except json.JSONDecodeError:
            raise self._not_label_studio(f"its answer while {action} is not JSON") from None

    def _api_error(self, error: ApiError, action: str, *, probe: bool) -> LabelStudioError:
        status = error.status_code or 0
        if status == 401:
            return LabelStudioError(
                f"Label Studio at {self.url} refused the API key (HTTP 401): set {KEY_VARIABLE} "
                "to a valid token (Account & Settings → Access Token), or rerun `curate up`"
            )
        if probe and (status == 404 or status < 300 or isinstance(error.body, str)):
            return self._not_label_studio(f"GET /api/version answered HTTP {status}")
        if status == 403:
            return LabelStudioError(
                f"Label Studio at {self.url} does not let this API key's user do this "
                f"(HTTP 403 while {action}): use an administrator's key"
            )
        if status >= 500:
            return LabelStudioUnavailable(
                f"Label Studio at {self.url} failed while {action} (HTTP {status}): "
                "see the server's log, then rerun"
            )
        return LabelStudioError(
            f"Label Studio at {self.url} refused {action} (HTTP {status}): {_detail(error.body)}"
        )

    def _not_label_studio(self, why: str) -> LabelStudioError:
        return LabelStudioError(
            f"{self.url} does not look like Label Studio ({why}): check {URL_VARIABLE}"
        )


def _body_of(response: httpx.Response) -> object:
    """A response's body: its JSON if it is JSON, else its text (as the SDK's errors hold it)."""
    try:
        return response.json()
    except json.JSONDecodeError:
        return response.text


def _detail(body: object, *, limit: int = 300) -> str:
    """A server's error body on one line, shortened."""
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False, default=str)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)
