"""The pipeline's steps, in order. Each is `step(page) -> None`: it labels lines or sets fields.

Steps never delete lines, so every line that does not reach the body keeps the label, step and
reason that set it aside (`parse(..., explain=True)` returns them).
"""

from __future__ import annotations

from typing import Callable

from ..page import Page
from .body import select_body
from .byline import byline
from .chrome import cut_tail, strip_chrome
from .closing import closing_code
from .details import details
from .identify import identify_site
from .language import language
from .lead_image import lead_image
from .normalize import normalize
from .published import published
from .reflow import reflow
from .related import related
from .sign_off import sign_off
from .title import title
from .verdict import require_prose, verdict

Step = Callable[[Page], None]

#: The default order. Site profiles change what steps know, never which steps run.
STEPS: tuple[Step, ...] = (
    normalize,
    reflow,
    require_prose,
    identify_site,
    cut_tail,
    strip_chrome,
    related,
    published,
    byline,
    title,
    lead_image,
    select_body,
    sign_off,
    closing_code,
    verdict,
    details,
    language,
)

__all__ = ["STEPS", "Step"]
