"""Set routines on 1-d arrays, NumPy's numpy.lib._arraysetops_impl: intersect1d, union1d, setdiff1d, setxor1d.
Built on unique, sort, concatenate and isin."""
from ._creation import asanyarray, asarray
from ._manipulation import concatenate, ravel
from ._sorting import argsort, isin, sort, unique


def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    ar1 = asanyarray(ar1)
    ar2 = asanyarray(ar2)
    if not assume_unique:
        if return_indices:
            ar1, ind1 = unique(ar1, return_index=True)
            ar2, ind2 = unique(ar2, return_index=True)
        else:
            ar1 = unique(ar1)
            ar2 = unique(ar2)
    else:
        ar1 = ravel(ar1)
        ar2 = ravel(ar2)
    aux = concatenate((ar1, ar2))
    if return_indices:
        order = argsort(aux, kind="stable")
        aux = aux[order]
    else:
        aux = sort(aux)
    mask = aux[1:] == aux[:-1]
    common = aux[:-1][mask]
    if not return_indices:
        return common
    i1 = order[:-1][mask]
    i2 = order[1:][mask] - ar1.size
    if not assume_unique:
        i1 = ind1[i1]
        i2 = ind2[i2]
    return common, i1, i2


def union1d(ar1, ar2):
    return unique(concatenate((ar1, ar2), axis=None))


def setdiff1d(ar1, ar2, assume_unique=False):
    if assume_unique:
        ar1 = ravel(asarray(ar1))
    else:
        ar1 = unique(ar1)
        ar2 = unique(ar2)
    return ar1[isin(ar1, ar2, assume_unique=True, invert=True)]


def setxor1d(ar1, ar2, assume_unique=False):
    if not assume_unique:
        ar1 = unique(ar1)
        ar2 = unique(ar2)
    aux = concatenate((ar1, ar2), axis=None)
    if aux.size == 0:
        return aux
    aux = sort(aux)
    differs = (aux[1:] != aux[:-1]).tolist()
    flag = [True] + differs + [True]
    keep = asarray([flag[i] and flag[i + 1] for i in range(len(flag) - 1)], dtype="bool")
    return aux[keep]
