"""The Qt desktop interface (PySide6); models/ and reports/ never import it.

The Qt-free core is imported here, before anything imports PySide6: once PySide6 is loaded, shiboken's
`__feature__` import hook reads the source of every .py module imported after it (inspect.getsource,
to see whether it mentions PySide6) — about 0.7 s of the window's start for SQLAlchemy, Alembic and
models/ imported behind it. Imported first, they are never read.
"""
import models.browse  # noqa: F401
import models.browse_people  # noqa: F401
import models.migrate  # noqa: F401
import models.schema  # noqa: F401
import models.services.checklists  # noqa: F401
import models.services.defect_register  # noqa: F401
import models.services.fee_state  # noqa: F401
import models.services.key_custody  # noqa: F401
import models.services.office  # noqa: F401
