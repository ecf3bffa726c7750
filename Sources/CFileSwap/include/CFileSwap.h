#ifndef BROADSHEET_CFILESWAP_H
#define BROADSHEET_CFILESWAP_H

/// Swaps the names of two existing paths in one step, so that each name always
/// refers to a whole folder: Linux `renameat2(RENAME_EXCHANGE)`, macOS
/// `renamex_np(RENAME_SWAP)`. Returns 0, or -1 with errno set (ENOSYS, EINVAL
/// or ENOTSUP where the system or file system cannot do it; callers fall back).
int broadsheet_exchange_paths(const char *first, const char *second);

#endif
