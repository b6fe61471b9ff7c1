"""The codebook: a tree of themes, subthemes and codes with definitions and colours."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from types import EllipsisType
from typing import Any

import sqlalchemy as sa

from thematic.core.codebook import build_paths, check_name, split_path, would_cycle
from thematic.core.models import Code
from thematic.errors import Conflict, Invalid, NotFound
from thematic.store.schema import codebook_history, codes, codings
from thematic.study._base import StudyBase, new_id, utcnow

CODE_FIELDS = ("colour", "definition", "inclusion", "exclusion", "example")
# Okabe-Ito: distinguishable for the common forms of colour blindness.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class CodebookMixin(StudyBase):
    """Create, edit, move and delete codes; codes are referred to by id or path."""

    def codes(self) -> list[Code]:
        """Every code in tree order (a theme, then its subthemes and codes, depth first)."""
        with self._read() as connection:
            return self._codes(connection)

    def _codes(self, connection: sa.Connection) -> list[Code]:
        rows = connection.execute(sa.select(codes).order_by(codes.c.position, codes.c.id)).all()
        paths = build_paths({r.id: (r.name, r.parent_id) for r in rows})
        children: dict[int | None, list[sa.Row]] = {}
        for row in rows:
            children.setdefault(row.parent_id, []).append(row)
        ordered: list[Code] = []

        def walk(parent: int | None) -> None:
            for row in children.get(parent, []):
                ordered.append(_code(row, paths[row.id]))
                walk(row.id)

        walk(None)
        return ordered

    def code_by(self, ref: int | str) -> Code:
        """One code by id or path (``"Technological/Interoperability"``)."""
        with self._read() as connection:
            return self._code(connection, ref)

    def _code(self, connection: sa.Connection, ref: int | str) -> Code:
        all_codes = self._codes(connection)
        if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
            wanted = int(ref)
            for code in all_codes:
                if code.id == wanted:
                    return code
            raise NotFound(f"no code with id {ref}")
        try:
            path = "/".join(split_path(ref))
        except ValueError as error:
            raise Invalid(str(error)) from None
        for code in all_codes:
            if code.path == path:
                return code
        # A unique bare name is accepted too, as coders type it.
        named = [c for c in all_codes if c.name == path]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            choices = ", ".join(c.path for c in named)
            raise Invalid(f"code name {ref!r} is ambiguous: {choices}")
        raise NotFound(f"no code {ref!r} in the codebook")

    def add_code(
        self, path_or_name: str, parent: int | str | None = None, *, reason: str = "", **fields: str
    ) -> Code:
        """Add a code; a path creates missing levels (``"Technological/Interoperability"``).

        ``fields`` may set colour, definition, inclusion, exclusion and example of the last
        level. Adding a path that already exists is a Conflict.
        """
        self._require("codebook")
        with self._codebook_tx() as connection:
            code = self._add_code(connection, path_or_name, parent, fields)
            self._audit(connection, "code.add", _logged(code.path), id=code.id)
            self._record(connection, "add", code.path, reason, id=code.id, fields=sorted(fields))
        return code

    def _add_code(
        self,
        connection: sa.Connection,
        path_or_name: str,
        parent: int | str | None,
        fields: Mapping[str, Any],
    ) -> Code:
        _check_fields(fields)
        try:
            names = split_path(path_or_name)
        except ValueError as error:
            raise Invalid(str(error)) from None
        parent_id = self._code(connection, parent).id if parent is not None else None
        created = False
        for depth, name in enumerate(names):
            if reason := check_name(name):
                raise Invalid(reason)
            last = depth == len(names) - 1
            existing = self._child(connection, parent_id, name)
            if existing is not None:
                parent_id = existing
                continue
            parent_id = self._insert_code(connection, name, parent_id, fields if last else {})
            created = created or last
        if not created:
            raise Conflict(f"code {'/'.join(names)!r} already exists")
        assert parent_id is not None
        return self._code(connection, parent_id)

    def _refuse_retired(self, connection: sa.Connection, code: Code) -> None:
        """Coding with a retired code is refused; its old codings stay."""
        if not code.retired:
            return
        since = connection.execute(
            sa.select(codes.c.retired_at).where(codes.c.id == code.id)
        ).scalar_one()
        raise Invalid(
            f"code {code.path!r} is retired (since {since:%Y-%m-%d}): "
            "choose another code, or unretire it first"
        )

    def _child(self, connection: sa.Connection, parent_id: int | None, name: str) -> int | None:
        found = connection.execute(
            sa.select(codes.c.id).where(
                (codes.c.parent_id == parent_id) if parent_id else codes.c.parent_id.is_(None),
                codes.c.name == name,
            )
        ).scalar_one_or_none()
        return None if found is None else int(found)

    def _insert_code(
        self,
        connection: sa.Connection,
        name: str,
        parent_id: int | None,
        fields: Mapping[str, Any],
    ) -> int:
        siblings = connection.execute(
            sa.select(sa.func.count()).where(
                (codes.c.parent_id == parent_id) if parent_id else codes.c.parent_id.is_(None)
            )
        ).scalar_one()
        colour = fields.get("colour") or self._default_colour(connection, parent_id, siblings)
        values = {f: str(fields.get(f) or "") for f in CODE_FIELDS}
        values["colour"] = colour
        return int(
            new_id(
                connection,
                codes.insert().values(
                    name=name, parent_id=parent_id, position=siblings, created_at=utcnow(), **values
                ),
            )
        )

    def _default_colour(self, connection: sa.Connection, parent_id: int | None, index: int) -> str:
        if parent_id is None:
            return PALETTE[index % len(PALETTE)]
        return str(
            connection.execute(
                sa.select(codes.c.colour).where(codes.c.id == parent_id)
            ).scalar_one()
        )

    def update_code(
        self,
        ref: int | str,
        *,
        name: str | None = None,
        parent: int | str | EllipsisType | None = ...,
        reason: str = "",
        **fields: str,
    ) -> Code:
        """Rename a code or change its colour, definition, inclusion, exclusion or example.

        Given ``parent``, the code also moves there (``None``: to the top level), in the same
        transaction, as :meth:`move_code` does. ``reason`` goes into the codebook history.
        """
        self._require("codebook")
        _check_fields(fields)
        with self._codebook_tx() as connection:
            code = self._code(connection, ref)
            moving = not isinstance(parent, EllipsisType)
            parent_id = None
            if not isinstance(parent, EllipsisType) and parent is not None:
                parent_id = self._code(connection, parent).id
            values: dict[str, str] = {k: str(v) for k, v in fields.items() if v is not None}
            if name is not None and name != code.name:
                if refusal := check_name(name):
                    raise Invalid(refusal)
                if self._child(connection, code.parent_id, name) is not None:
                    raise Conflict(f"a sibling code named {name!r} already exists")
                values["name"] = name
            if values:
                connection.execute(codes.update().where(codes.c.id == code.id).values(**values))
                self._audit(connection, "code.update", _logged(code.path), fields=sorted(values))
            if moving and parent_id != code.parent_id:
                self._move(connection, code.id, parent_id)
            changed = self._code(connection, code.id)
            if values or changed.path != code.path:
                self._record_update(connection, code, changed, values, reason)
            return changed

    def _record_update(
        self,
        connection: sa.Connection,
        before: Code,
        after: Code,
        values: Mapping[str, str],
        reason: str,
    ) -> None:
        detail: dict[str, Any] = {
            f: {"old": getattr(before, f), "new": v} for f, v in values.items() if f != "name"
        }
        action = "update"
        if before.path != after.path:
            detail.update({"from": before.path, "to": after.path})
            action = "rename" if "name" in values else "move"
        self._record(connection, action, before.path, reason, **detail)

    def move_code(self, ref: int | str, parent: int | str | None, *, reason: str = "") -> Code:
        """Move a code (with its children and codings) under another code, or to the top."""
        self._require("codebook")
        with self._codebook_tx() as connection:
            code = self._code(connection, ref)
            parent_id = self._code(connection, parent).id if parent is not None else None
            moved = self._move(connection, code.id, parent_id)
            if moved.path != code.path:
                self._record(
                    connection, "move", code.path, reason, to=moved.path, **{"from": code.path}
                )
            return moved

    def _move(self, connection: sa.Connection, code_id: int, parent_id: int | None) -> Code:
        code = self._code(connection, code_id)
        tree = {c.id: c.parent_id for c in self._codes(connection)}
        if would_cycle(tree, code.id, parent_id):
            raise Conflict(f"cannot move {code.path!r} beneath itself")
        if self._child(connection, parent_id, code.name) not in (None, code.id):
            raise Conflict(f"the new parent already has a code named {code.name!r}")
        connection.execute(codes.update().where(codes.c.id == code.id).values(parent_id=parent_id))
        moved = self._code(connection, code.id)
        self._audit(connection, "code.move", _logged(moved.path), before=code.path)
        return moved

    def delete_code(self, ref: int | str, *, force: bool = False, reason: str = "") -> None:
        """Delete a code. One with children or codings needs ``force=True`` (they go too)."""
        self._require("codebook")
        with self._codebook_tx() as connection:
            code = self._code(connection, ref)
            subtree = [c.id for c in self._codes(connection) if _under(c.path, code.path)]
            used = connection.execute(
                sa.select(sa.func.count()).where(codings.c.code_id.in_(subtree))
            ).scalar_one()
            if (used or len(subtree) > 1) and not force:
                raise Conflict(
                    f"code {code.path!r} has {len(subtree) - 1} child codes and {used} codings; "
                    "delete them too with force"
                )
            connection.execute(codings.delete().where(codings.c.code_id.in_(subtree)))
            connection.execute(codes.delete().where(codes.c.id.in_(subtree)))
            self._audit(
                connection, "code.delete", _logged(code.path), codings=used, codes=len(subtree)
            )
            self._record(connection, "delete", code.path, reason, codes=len(subtree), codings=used)

    def import_codebook_tree(
        self, tree: Iterable[Mapping[str, Any]], *, reason: str = ""
    ) -> list[Code]:
        """Create or update codes from nested ``{name, children, colour, ...}`` mappings."""
        self._require("codebook")
        with self._codebook_tx() as connection:
            touched = self._merge_nodes(connection, tree, None)
            self._audit(connection, "codebook.import", f"{len(touched)} codes")
            self._record(connection, "import", "", reason, codes=len(touched))
            return [self._code(connection, i) for i in touched]

    def _merge_tree(
        self, connection: sa.Connection, tree: Iterable[Mapping[str, Any]], parent_id: int | None
    ) -> list[int]:
        """Merge nodes into the tree and record it in the history (a template's codebook)."""
        self._baseline(connection)
        touched = self._merge_nodes(connection, tree, parent_id)
        if touched:
            self._record(connection, "import", "", "from a template", codes=len(touched))
        return touched

    def _merge_nodes(
        self, connection: sa.Connection, tree: Iterable[Mapping[str, Any]], parent_id: int | None
    ) -> list[int]:
        touched = []
        for node in tree:
            name = str(node.get("name", "")).strip()
            if reason := check_name(name):
                raise Invalid(f"codebook: {reason}")
            fields = {f: node[f] for f in CODE_FIELDS if node.get(f)}
            _check_fields(fields)
            code_id = self._child(connection, parent_id, name)
            if code_id is None:
                code_id = self._insert_code(connection, name, parent_id, fields)
            elif fields:
                connection.execute(codes.update().where(codes.c.id == code_id).values(**fields))
            touched.append(code_id)
            touched += self._merge_nodes(connection, node.get("children") or [], code_id)
        return touched

    def codebook_tree(self) -> list[dict[str, Any]]:
        """The codebook as nested mappings (the shape of the YAML codebook format).

        A retired code carries ``retired: True``.
        """
        with self._read() as connection:
            return self._tree(connection)

    # -- the codebook history (see development.py for reading it) ---------------------------
    @contextmanager
    def _codebook_tx(self) -> Iterator[sa.Connection]:
        """A transaction that changes the codebook; it starts the history if need be."""
        with self._tx() as connection:
            self._baseline(connection)
            yield connection

    def _baseline(self, connection: sa.Connection) -> None:
        """Studies made before the history existed: record their codebook as it stands first."""
        if connection.execute(sa.select(codebook_history.c.id).limit(1)).first() is not None:
            return
        count = connection.execute(sa.select(sa.func.count()).select_from(codes)).scalar_one()
        if count:
            self._record(
                connection,
                "baseline",
                "",
                "the codebook as it stood when its history began",
                codes=int(count),
            )

    def _record(
        self, connection: sa.Connection, action: str, path: str, reason: str = "", **detail: Any
    ) -> None:
        """One row of the codebook history, with the whole tree after the change."""
        connection.execute(
            codebook_history.insert().values(
                at=utcnow(),
                actor=self.actor,
                action=action,
                code=path[-1000:],
                detail=detail,
                reason=(reason or "").strip(),
                snapshot=self._tree(connection),
            )
        )

    def _tree(self, connection: sa.Connection) -> list[dict[str, Any]]:
        all_codes = self._codes(connection)
        nodes: dict[int, dict[str, Any]] = {}
        roots: list[dict[str, Any]] = []
        for code in all_codes:
            node: dict[str, Any] = {"name": code.name}
            node.update({f: getattr(code, f) for f in CODE_FIELDS if getattr(code, f)})
            if code.retired:
                node["retired"] = True
            nodes[code.id] = node
            if code.parent_id is None:
                roots.append(node)
            else:
                nodes[code.parent_id].setdefault("children", []).append(node)
        return roots


def _logged(path: str) -> str:
    """A path as the audit log's target column holds it (300 characters; deep paths of long
    names are cut at the front, keeping the code's own name)."""
    return path if len(path) <= 300 else "…" + path[-299:]


def _under(path: str, ancestor: str) -> bool:
    return path == ancestor or path.startswith(ancestor + "/")


def _check_fields(fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - set(CODE_FIELDS)
    if unknown:
        raise Invalid(f"unknown code fields: {', '.join(sorted(unknown))}")
    colour = fields.get("colour")
    if colour and not _COLOUR.match(str(colour)):
        raise Invalid(f"colour {colour!r} is not of the form #RRGGBB")


def _code(row: sa.Row, path: str) -> Code:
    return Code(
        id=row.id,
        name=row.name,
        parent_id=row.parent_id,
        path=path,
        colour=row.colour,
        definition=row.definition,
        inclusion=row.inclusion,
        exclusion=row.exclusion,
        example=row.example,
        retired=row.retired_at is not None,
    )
