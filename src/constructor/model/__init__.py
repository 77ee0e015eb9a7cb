"""Frozen pydantic models: what the syntax stage produces and every later stage reads."""

from constructor.model.catalog import Catalog
from constructor.model.declarations import (
    Activity,
    AllOf,
    AnyDeclaration,
    AnyOf,
    Bundle,
    CodeExpr,
    Competency,
    Course,
    Declaration,
    Delivery,
    DemoExam,
    Expr,
    Link,
    Module,
    Outcome,
    Practice,
    Profession,
    Program,
    Recognition,
    Ref,
    Result,
    Site,
    SourceFile,
    Standard,
    Text,
    Thesis,
    TopDeclaration,
    Use,
    expr_refs,
)
from constructor.model.span import Span
from constructor.model.values import (
    AttestationForm,
    Base,
    CompetencyKind,
    DemoExamLevel,
    Duration,
    Hours,
    OutcomeKind,
    PracticeKind,
    SiteKind,
    Track,
)

__all__ = [
    "Activity", "AllOf", "AnyDeclaration", "AnyOf", "AttestationForm", "Base", "Bundle", "Catalog",
    "CodeExpr", "Competency", "CompetencyKind", "Course", "Declaration", "Delivery", "DemoExam",
    "DemoExamLevel", "Duration", "Expr", "Hours", "Link", "Module", "Outcome", "OutcomeKind",
    "Practice", "PracticeKind", "Profession", "Program", "Recognition", "Ref", "Result", "Site",
    "SiteKind", "SourceFile", "Span", "Standard", "Text", "Thesis", "TopDeclaration", "Track",
    "Use", "expr_refs",
]
