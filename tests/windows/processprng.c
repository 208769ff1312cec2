/* A stand-in for Windows 10's bcryptprimitives.dll, for the tests under Wine 8 only (never
 * shipped): Rust's standard library (>= 1.78) asks it for ProcessPrng, which Wine added in 9.x.
 * It forwards to RtlGenRandom (advapi32's SystemFunction036), which Wine 8 has.
 * Built by tests/windows/prefix: x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll ... */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
