"""A headless Streamlit session: speaks the app's own websocket protocol, no browser.

The browser's side of a Streamlit session is a websocket on ``/_stcore/stream`` that sends
``BackMsg`` protobufs (``rerun_script`` carries the page, the query string and the widget
values) and receives ``ForwardMsg`` protobufs (``new_session``, the page's ``delta``s, and
``script_finished`` when a run is over). This client does the same with the protobuf classes
shipped in the streamlit package, so a load test can open many sessions on a 2-core machine
where many Chromium tabs would not fit. A page counts as *drawn* when ``script_finished``
arrives with FINISHED_SUCCESSFULLY and the run produced no exception element.
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED_OK = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")


@dataclass
class Run:
    """One script run as the client saw it."""

    seconds: float
    ok: bool
    elements: int
    error: str = ""


@dataclass
class Session:
    """One browser-less session on ``base_url`` (``http://host:port``)."""

    base_url: str
    ws: object = None
    widgets: dict[str, object] = field(default_factory=dict)  # label -> element proto (multiselect, ...)

    async def open(self, timeout_s: float = 60) -> None:
        url = self.base_url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self.ws = await asyncio.wait_for(
            websockets.connect(url, subprotocols=["streamlit"], max_size=2**26, open_timeout=timeout_s,
                               ping_interval=None), timeout_s)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def run(self, page: str = "", query: str = "", widgets=None, timeout_s: float = 60) -> Run:
        """Ask for a run of ``page`` (its url path; "" is the default page) and wait until it is drawn."""
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = query
        cs.page_name = page
        cs.context_info.timezone = "Europe/Stockholm"
        cs.context_info.locale = "sv-SE"
        for w in widgets or []:
            cs.widget_states.widgets.append(w)
        t0 = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        elements, error = 0, ""
        deadline = t0 + timeout_s
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                return Run(time.perf_counter() - t0, False, elements, "timeout")
            try:
                raw = await asyncio.wait_for(self.ws.recv(), left)
            except asyncio.TimeoutError:
                return Run(time.perf_counter() - t0, False, elements, "timeout")
            fm = ForwardMsg()
            fm.ParseFromString(raw)
            kind = fm.WhichOneof("type")
            if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                el = fm.delta.new_element
                elements += 1
                which = el.WhichOneof("type")
                if which == "exception":
                    error = error or f"{el.exception.type}: {el.exception.message}"[:200]
                elif which in ("multiselect", "selectbox"):
                    self.widgets[getattr(el, which).label] = getattr(el, which)
            elif kind == "script_finished":
                status = fm.script_finished
                # Rerun requests (st.rerun, st.switch_page) end one run and start the next.
                if status == ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN"):
                    continue
                return Run(time.perf_counter() - t0, status == FINISHED_OK and not error, elements, error)
            elif kind == "page_not_found":
                error = error or "page not found"


def multiselect_choice(element, n: int = 1):
    """The widget state that picks the first ``n`` options of a multiselect element."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    w = WidgetState(id=element.id)
    w.string_array_value.data.extend(list(element.options)[:n])
    return w
