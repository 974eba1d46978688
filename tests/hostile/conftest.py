# The access matrix's users and objects: the hostile-input tests reach every URL as it does.
from tests.test_access_matrix import db_objects, role_users  # noqa: F401
