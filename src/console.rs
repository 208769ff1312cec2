//! The Windows console. The program is a console program, so that a script waits for a command
//! and reads its exit code (`check`, `submit`, `send` in IT's scripts). Started from the Start
//! menu, Windows gives it a console window of its own, which the application window does not
//! need: it is let go as the window opens. A console shared with a command prompt stays.

/// Lets go of the console if no other program uses it (Windows; nothing elsewhere).
pub fn release_if_own() {
    #[cfg(windows)]
    {
        use windows_sys::Win32::System::Console::{FreeConsole, GetConsoleProcessList};
        let mut pids = [0u32; 2];
        // SAFETY: the buffer holds the 2 entries the call may write.
        let attached = unsafe { GetConsoleProcessList(pids.as_mut_ptr(), pids.len() as u32) };
        if attached == 1 {
            // SAFETY: no handle of the console is kept past this point.
            unsafe { FreeConsole() };
        }
    }
}
