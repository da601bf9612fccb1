"""Casework: people, cases, relatives, contacts and follow-ups. Every model holding personal data
belongs to one area and is queried through `visible_to(user)` (audit/scoping.py)."""

from .assessments import Assessment, AssessmentNeed, Checkpoint, NeedLevel, Topic
from .care_events import CareEvent, DeathPlace, EventKind
from .careteam import CareRole, CareTeamMember
from .cases import (
    Case,
    CaseClosing,
    CasePhase,
    CaseQuerySet,
    Phase,
    Relation,
    RelationType,
    WishedPlace,
)
from .codes import CancerSite, FirstContactSource
from .contacts import Contact, ContactMode, ContactQuerySet, Initiator
from .documents import Document, DocumentKind
from .estimates import Estimate
from .followups import FollowUp, FollowUpQuerySet
from .meetings import Meeting
from .people import Person, PersonQuerySet
from .requests import ContactRequest
from .routines import Routine, RoutineChange, RoutineKind, RoutineStatus
from .services import ServiceLink, ServiceStatus, ServiceStatusChange
from .transfers import Notification, Transfer
from .worktime import ActivityKind, SystemActivity, TimeCategory, TimeEntry

__all__ = [
    "Document",
    "DocumentKind",
    "CareRole",
    "CareTeamMember",
    "ContactRequest",
    "Routine",
    "RoutineChange",
    "RoutineKind",
    "RoutineStatus",
    "Notification",
    "Transfer",
    "ActivityKind",
    "SystemActivity",
    "TimeCategory",
    "TimeEntry",
    "CareEvent",
    "DeathPlace",
    "EventKind",
    "ServiceLink",
    "ServiceStatus",
    "ServiceStatusChange",
    "Assessment",
    "AssessmentNeed",
    "Checkpoint",
    "NeedLevel",
    "Topic",
    "CancerSite",
    "Case",
    "CaseClosing",
    "WishedPlace",
    "CasePhase",
    "CaseQuerySet",
    "Contact",
    "ContactMode",
    "ContactQuerySet",
    "FirstContactSource",
    "FollowUp",
    "FollowUpQuerySet",
    "Estimate",
    "Meeting",
    "Initiator",
    "Person",
    "PersonQuerySet",
    "Phase",
    "Relation",
    "RelationType",
]
