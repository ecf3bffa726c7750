// libdeflate, which compresses the search index's payloads (Debian: libdeflate-dev).
#include <libdeflate.h>
