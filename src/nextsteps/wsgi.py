import os

import django
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nextsteps.settings")
django.setup(set_prefix=False)

from nextsteps.staticfiles import collect_static_files  # noqa: E402 (needs the settings)

collect_static_files()
application = get_wsgi_application()
