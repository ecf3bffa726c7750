// zlib, for the search index's compressed payloads (Debian: zlib1g-dev).
#include <zlib.h>
