//! Windows: the copy's pages drawn through the Windows printing API (GDI), so that printing needs
//! no PDF reader (Windows has no built-in way to print a PDF file).
//!
//! Printers: `EnumPrintersW` (local and connected ones), the default from `GetDefaultPrinterW`.
//! A job: a printer device context (`CreateDCW("WINSPOOL", …)`) set to the copy's paper, then
//! `StartDocW`, one `StartPage`…`EndPage` per page, `EndDoc`. Points become device units with the
//! printer's resolution (`LOGPIXELSX/Y`), less the unprintable margin (`PHYSICALOFFSETX/Y`),
//! so that the page lands on the paper where it is in the PDF. Text is drawn with the bundled
//! Noto Sans, registered for this process only (`AddFontMemResourceEx`), each character placed
//! at the PDF's advance (`ExtTextOutW`'s `lpDx`), so lines are as long as in the PDF. Every
//! failure is a [`PrintError`] with the system's own words (`GetLastError`, `FormatMessageW`).

use std::collections::HashMap;
use std::path::Path;
use std::ptr::{null, null_mut};
use std::sync::OnceLock;

use windows_sys::Win32::Foundation::{
    COLORREF, ERROR_FILE_NOT_FOUND, ERROR_INSUFFICIENT_BUFFER, GetLastError, RECT,
};
use windows_sys::Win32::Graphics::Gdi::{
    AddFontMemResourceEx, BS_SOLID, CLIP_DEFAULT_PRECIS, CreateDCW, CreateFontW, CreateSolidBrush,
    DEFAULT_CHARSET, DEFAULT_QUALITY, DEVMODEW, DM_IN_BUFFER, DM_ORIENTATION, DM_OUT_BUFFER,
    DM_PAPERLENGTH, DM_PAPERSIZE, DM_PAPERWIDTH, DMORIENT_PORTRAIT, DMPAPER_A4, DMPAPER_LETTER,
    DeleteDC, DeleteObject, ExtCreatePen, ExtTextOutW, FF_SWISS, FW_BOLD, FW_NORMAL, FillRect,
    GetDeviceCaps, GetStockObject, HDC, HFONT, HGDIOBJ, LOGBRUSH, LOGPIXELSX, LOGPIXELSY, LineTo,
    MoveToEx, NULL_BRUSH, OUT_TT_ONLY_PRECIS, PHYSICALOFFSETX, PHYSICALOFFSETY, PS_ENDCAP_FLAT,
    PS_GEOMETRIC, PS_SOLID, Rectangle, SelectObject, SetBkMode, SetTextAlign, SetTextColor,
    TA_BASELINE, TA_LEFT, TA_NOUPDATECP, TRANSPARENT, VARIABLE_PITCH,
};
use windows_sys::Win32::Graphics::Printing::{
    ClosePrinter, DocumentPropertiesW, EnumPrintersW, GetDefaultPrinterW, OpenPrinterW,
    PRINTER_ENUM_CONNECTIONS, PRINTER_ENUM_LOCAL, PRINTER_HANDLE, PRINTER_INFO_4W,
};
use windows_sys::Win32::Storage::Xps::{AbortDoc, DOCINFOW, EndDoc, EndPage, StartDocW, StartPage};
use windows_sys::Win32::System::Diagnostics::Debug::{
    FORMAT_MESSAGE_FROM_SYSTEM, FORMAT_MESSAGE_IGNORE_INSERTS, FormatMessageW,
};

use super::{Job, PrintError, PrintJob, Printer, PrinterInfo};
use crate::pdf::fonts::{BOLD_TTF, REGULAR_TTF, Weight, char_width};
use crate::pdf::page::{Item, Pages, Rgb};

/// The family name inside the bundled fonts.
const FAMILY: &str = "Noto Sans";
/// RPC_S_SERVER_UNAVAILABLE: the print spooler service is not running.
const SPOOLER_UNAVAILABLE: u32 = 1722;

/// The Windows print system.
#[derive(Debug, Clone, Copy, Default)]
pub struct WindowsPrinter;

impl Printer for WindowsPrinter {
    fn printers(&self) -> Result<Vec<PrinterInfo>, PrintError> {
        let names = printer_names()?;
        let default = default_printer();
        Ok(names
            .into_iter()
            .map(|name| PrinterInfo {
                is_default: default.as_deref() == Some(name.as_str()),
                name,
            })
            .collect())
    }

    fn draws_pages(&self) -> bool {
        true
    }

    fn print(&self, printer: &str, job: &Job<'_>) -> Result<PrintJob, PrintError> {
        if !printer_names()?.iter().any(|p| p == printer) {
            return Err(PrintError::UnknownPrinter(printer.to_string()));
        }
        let pages = job.pages.ok_or_else(|| {
            PrintError::Failed("the copy's pages were not laid out for this printer".into())
        })?;
        register_fonts()?;
        // What goes to the printer is its driver's data, not a PDF; a print server (CUPS, Wine's
        // included) types a job by its name's extension and would take "copie.pdf" for a PDF
        // file (measured: an empty page came out).
        let title = job
            .title
            .strip_suffix(".pdf")
            .or_else(|| job.title.strip_suffix(".PDF"))
            .unwrap_or(job.title);
        let id = print_pages(printer, pages, title, job.output)?;
        Ok(PrintJob { id: id.to_string() })
    }
}

/// A NUL-terminated UTF-16 string.
fn wide(s: &str) -> Vec<u16> {
    s.encode_utf16().chain(std::iter::once(0)).collect()
}

fn wide_path(p: &Path) -> Vec<u16> {
    use std::os::windows::ffi::OsStrExt;
    p.as_os_str()
        .encode_wide()
        .chain(std::iter::once(0))
        .collect()
}

/// A NUL-terminated UTF-16 string read from the system.
///
/// # Safety
/// `p` is null or points to a NUL-terminated UTF-16 string.
unsafe fn from_wide(p: *const u16) -> String {
    if p.is_null() {
        return String::new();
    }
    let mut len = 0;
    // SAFETY: the string ends with a NUL, as the caller guarantees.
    while unsafe { *p.add(len) } != 0 {
        len += 1;
    }
    // SAFETY: `len` units were just read.
    String::from_utf16_lossy(unsafe { std::slice::from_raw_parts(p, len) })
}

/// The system's words for error `code`.
fn system_words(code: u32) -> String {
    let mut buffer = [0u16; 512];
    // SAFETY: the buffer's size is given; no inserts are read.
    let len = unsafe {
        FormatMessageW(
            FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
            null(),
            code,
            0,
            buffer.as_mut_ptr(),
            buffer.len() as u32,
            null(),
        )
    };
    String::from_utf16_lossy(&buffer[..len as usize])
        .trim()
        .to_string()
}

/// The failure of `call`, in the system's words (`GetLastError`).
fn last_error(call: &str) -> PrintError {
    // SAFETY: no arguments; reads this thread's last error.
    let code = unsafe { GetLastError() };
    failure(call, code)
}

fn failure(call: &str, code: u32) -> PrintError {
    if code == 0 {
        // Some GDI calls fail without saying why.
        return PrintError::Failed(format!("{call} failed"));
    }
    let detail = format!("{call}: {} (code {code})", system_words(code));
    if code == SPOOLER_UNAVAILABLE {
        PrintError::NoPrintSystem(detail)
    } else {
        PrintError::Failed(detail)
    }
}

/// The names of the local printers and of the network printers this user is connected to.
fn printer_names() -> Result<Vec<String>, PrintError> {
    let flags = PRINTER_ENUM_LOCAL | PRINTER_ENUM_CONNECTIONS;
    let (mut needed, mut count) = (0u32, 0u32);
    // SAFETY: asks for the size only (no buffer).
    let ok = unsafe { EnumPrintersW(flags, null(), 4, null_mut(), 0, &mut needed, &mut count) };
    if ok == 0 {
        // SAFETY: no arguments.
        let code = unsafe { GetLastError() };
        if code != ERROR_INSUFFICIENT_BUFFER {
            return Err(failure("EnumPrintersW", code));
        }
    }
    if needed == 0 {
        return Ok(Vec::new());
    }
    // u64s: the buffer holds structures of pointers, which must be aligned.
    let mut buffer = vec![0u64; (needed as usize).div_ceil(8)];
    // SAFETY: the buffer holds `needed` bytes.
    let ok = unsafe {
        EnumPrintersW(
            flags,
            null(),
            4,
            buffer.as_mut_ptr().cast(),
            needed,
            &mut needed,
            &mut count,
        )
    };
    if ok == 0 {
        return Err(last_error("EnumPrintersW"));
    }
    // SAFETY: the system wrote `count` PRINTER_INFO_4W at the start of the buffer, their strings
    // after them in the same buffer.
    let infos = unsafe {
        std::slice::from_raw_parts(buffer.as_ptr().cast::<PRINTER_INFO_4W>(), count as usize)
    };
    Ok(infos
        .iter()
        // SAFETY: each name is a NUL-terminated string in the buffer.
        .map(|info| unsafe { from_wide(info.pPrinterName) })
        .filter(|name| !name.is_empty())
        .collect())
}

/// The user's default printer, if there is one.
fn default_printer() -> Option<String> {
    let mut len = 0u32;
    // SAFETY: asks for the length only.
    unsafe { GetDefaultPrinterW(null_mut(), &mut len) };
    // SAFETY: no arguments.
    if len == 0 || unsafe { GetLastError() } == ERROR_FILE_NOT_FOUND {
        return None;
    }
    let mut buffer = vec![0u16; len as usize];
    // SAFETY: the buffer holds `len` characters.
    let ok = unsafe { GetDefaultPrinterW(buffer.as_mut_ptr(), &mut len) };
    // SAFETY: on success the buffer holds a NUL-terminated name.
    (ok != 0).then(|| unsafe { from_wide(buffer.as_ptr()) })
}

/// Registers the bundled fonts for this process, once.
fn register_fonts() -> Result<(), PrintError> {
    static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();
    REGISTERED
        .get_or_init(|| {
            for font in [REGULAR_TTF, BOLD_TTF] {
                let mut count = 0u32;
                // Written by the system, whatever the binding's `*const` says.
                let written: *mut u32 = &mut count;
                // SAFETY: the font's bytes are static; the system copies them. The handle is
                // kept for the life of the process (the fonts stay registered).
                let handle = unsafe {
                    AddFontMemResourceEx(font.as_ptr().cast(), font.len() as u32, null(), written)
                };
                if handle.is_null() || count == 0 {
                    return Err(last_error("AddFontMemResourceEx").detail());
                }
            }
            Ok(())
        })
        .clone()
        .map_err(PrintError::Failed)
}

/// The printer's settings for this job: its own, with the copy's paper, portrait.
fn devmode(printer: &[u16], pages: &Pages) -> Result<Vec<u64>, PrintError> {
    let mut handle = PRINTER_HANDLE::default();
    // SAFETY: the name is NUL-terminated; the handle is closed below.
    if unsafe { OpenPrinterW(printer.as_ptr(), &mut handle, null()) } == 0 {
        return Err(last_error("OpenPrinterW"));
    }
    let result = (|| {
        // SAFETY: asks for the size of the printer's DEVMODE.
        let size = unsafe {
            DocumentPropertiesW(null_mut(), handle, printer.as_ptr(), null_mut(), null(), 0)
        };
        if size <= 0 {
            return Err(last_error("DocumentPropertiesW"));
        }
        let size = (size as usize).max(size_of::<DEVMODEW>());
        let mut buffer = vec![0u64; size.div_ceil(8)];
        let dm = buffer.as_mut_ptr().cast::<DEVMODEW>();
        // SAFETY: the buffer holds the size the driver asked for.
        if unsafe {
            DocumentPropertiesW(
                null_mut(),
                handle,
                printer.as_ptr(),
                dm,
                null(),
                DM_OUT_BUFFER,
            )
        } < 0
        {
            return Err(last_error("DocumentPropertiesW"));
        }
        // SAFETY: `dm` points to the DEVMODEW the driver just wrote.
        unsafe {
            let paper = &mut (*dm).Anonymous1.Anonymous1;
            paper.dmOrientation = DMORIENT_PORTRAIT as i16;
            (*dm).dmFields |= DM_ORIENTATION | DM_PAPERSIZE;
            match paper_code(pages) {
                Some(code) => paper.dmPaperSize = code as i16,
                None => {
                    // Tenths of a millimetre.
                    paper.dmPaperSize = 0;
                    paper.dmPaperWidth = (pages.width / 72.0 * 254.0).round() as i16;
                    paper.dmPaperLength = (pages.height / 72.0 * 254.0).round() as i16;
                    (*dm).dmFields |= DM_PAPERWIDTH | DM_PAPERLENGTH;
                }
            }
        }
        // SAFETY: the driver merges the changed fields into its own settings, in place.
        let merged = unsafe {
            DocumentPropertiesW(
                null_mut(),
                handle,
                printer.as_ptr(),
                dm,
                dm,
                DM_IN_BUFFER | DM_OUT_BUFFER,
            )
        };
        if merged < 0 {
            return Err(last_error("DocumentPropertiesW"));
        }
        Ok(buffer)
    })();
    // SAFETY: opened above.
    unsafe { ClosePrinter(handle) };
    result
}

fn paper_code(pages: &Pages) -> Option<u32> {
    let near = |(w, h): (f32, f32)| (pages.width - w).abs() < 1.0 && (pages.height - h).abs() < 1.0;
    if near(crate::pdf::Paper::Letter.size()) {
        Some(DMPAPER_LETTER)
    } else if near(crate::pdf::Paper::A4.size()) {
        Some(DMPAPER_A4)
    } else {
        None
    }
}

/// A printer device context, deleted when dropped.
struct Dc(HDC);

impl Drop for Dc {
    fn drop(&mut self) {
        // SAFETY: made by CreateDCW, used by no one else.
        unsafe { DeleteDC(self.0) };
    }
}

/// Prints every page on `printer`; returns the spooler's job id.
fn print_pages(
    printer: &str,
    pages: &Pages,
    title: &str,
    output: Option<&Path>,
) -> Result<i32, PrintError> {
    let name = wide(printer);
    let settings = devmode(&name, pages)?;
    let driver = wide("WINSPOOL");
    // SAFETY: NUL-terminated strings and the printer's own DEVMODE.
    let hdc = unsafe {
        CreateDCW(
            driver.as_ptr(),
            name.as_ptr(),
            null(),
            settings.as_ptr().cast(),
        )
    };
    if hdc.is_null() {
        return Err(last_error("CreateDCW"));
    }
    let dc = Dc(hdc);
    let title = wide(title);
    let output = output.map(wide_path);
    let info = DOCINFOW {
        cbSize: size_of::<DOCINFOW>() as i32,
        lpszDocName: title.as_ptr(),
        lpszOutput: output.as_ref().map_or(null(), |o| o.as_ptr()),
        lpszDatatype: null(),
        fwType: 0,
    };
    // SAFETY: the strings live until the end of this function.
    let job = unsafe { StartDocW(dc.0, &info) };
    if job <= 0 {
        return Err(last_error("StartDocW"));
    }
    let drawn = (|| {
        let mut canvas = Canvas::new(dc.0)?;
        for page in &pages.pages {
            // SAFETY: a document is started on this context.
            if unsafe { StartPage(dc.0) } <= 0 {
                return Err(last_error("StartPage"));
            }
            prepare_page(dc.0);
            for item in page.items() {
                canvas.draw(&item)?;
            }
            // SAFETY: a page is started.
            if unsafe { EndPage(dc.0) } <= 0 {
                return Err(last_error("EndPage"));
            }
        }
        Ok(())
    })();
    if let Err(e) = drawn {
        // SAFETY: the document was started; nothing of it is printed.
        unsafe { AbortDoc(dc.0) };
        return Err(e);
    }
    // SAFETY: the document was started.
    if unsafe { EndDoc(dc.0) } <= 0 {
        return Err(last_error("EndDoc"));
    }
    Ok(job)
}

fn colorref((r, g, b): Rgb) -> COLORREF {
    let c = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u32;
    c(r) | (c(g) << 8) | (c(b) << 16)
}

/// A GDI object (font, pen, brush), deleted when dropped.
struct Object(HGDIOBJ);

impl Drop for Object {
    fn drop(&mut self) {
        // SAFETY: made by this module and no longer selected into a context.
        unsafe { DeleteObject(self.0) };
    }
}

/// Drawing on a printer's page in points: the mapping to device units and the fonts made.
struct Canvas {
    dc: HDC,
    /// Device units per point, across and down.
    scale: (f32, f32),
    /// The unprintable margin, in device units.
    offset: (f32, f32),
    fonts: HashMap<(Weight, i32), Object>,
}

impl Canvas {
    fn new(dc: HDC) -> Result<Canvas, PrintError> {
        // SAFETY: a valid printer context.
        let caps = |index| unsafe { GetDeviceCaps(dc, index as i32) } as f32;
        let (dpi_x, dpi_y) = (caps(LOGPIXELSX), caps(LOGPIXELSY));
        if dpi_x <= 0.0 || dpi_y <= 0.0 {
            return Err(PrintError::Failed(format!(
                "GetDeviceCaps: the printer reports a resolution of {dpi_x} × {dpi_y} dpi"
            )));
        }
        Ok(Canvas {
            dc,
            scale: (dpi_x / 72.0, dpi_y / 72.0),
            offset: (caps(PHYSICALOFFSETX), caps(PHYSICALOFFSETY)),
            fonts: HashMap::new(),
        })
    }

    fn x(&self, points: f32) -> i32 {
        (points * self.scale.0 - self.offset.0).round() as i32
    }

    fn y(&self, points: f32) -> i32 {
        (points * self.scale.1 - self.offset.1).round() as i32
    }

    /// The text in UTF-16 and where each unit goes (`ExtTextOutW`'s `lpDx`, device units): each
    /// character where the PDF puts it, rounded from the start of the line so that no error adds
    /// up.
    fn advances(&self, x: f32, text: &str, weight: Weight, size: f32) -> (Vec<u16>, Vec<i32>) {
        let mut units: Vec<u16> = Vec::with_capacity(text.len());
        let mut dx: Vec<i32> = Vec::with_capacity(text.len());
        let (mut at, mut placed) = (x, self.x(x));
        for c in text.chars() {
            at += char_width(c, weight, size);
            let next = self.x(at);
            let mut buf = [0u16; 2];
            let encoded = c.encode_utf16(&mut buf);
            units.extend_from_slice(encoded);
            dx.push(next - placed);
            // The second half of a surrogate pair takes no room of its own.
            dx.extend(std::iter::repeat_n(0, encoded.len() - 1));
            placed = next;
        }
        (units, dx)
    }

    fn font(&mut self, weight: Weight, size: f32) -> Result<HFONT, PrintError> {
        // A negative height asks for the em size (as the PDF's font size), not the cell's.
        let height = -((size * self.scale.1).round() as i32).max(1);
        if let Some(f) = self.fonts.get(&(weight, height)) {
            return Ok(f.0);
        }
        let family = wide(FAMILY);
        let bold = match weight {
            Weight::Regular => FW_NORMAL,
            Weight::Bold => FW_BOLD,
        };
        // SAFETY: the face name is NUL-terminated.
        let font = unsafe {
            CreateFontW(
                height,
                0,
                0,
                0,
                bold as i32,
                0,
                0,
                0,
                u32::from(DEFAULT_CHARSET),
                u32::from(OUT_TT_ONLY_PRECIS),
                u32::from(CLIP_DEFAULT_PRECIS),
                u32::from(DEFAULT_QUALITY),
                u32::from(VARIABLE_PITCH | FF_SWISS),
                family.as_ptr(),
            )
        };
        if font.is_null() {
            return Err(last_error("CreateFontW"));
        }
        self.fonts.insert((weight, height), Object(font));
        Ok(font)
    }

    /// Selects `object` for the duration of `f`, then puts the previous one back.
    fn with<T>(&self, object: HGDIOBJ, f: impl FnOnce() -> T) -> T {
        // SAFETY: a valid context and object.
        let previous = unsafe { SelectObject(self.dc, object) };
        let result = f();
        // SAFETY: puts back what was selected.
        unsafe { SelectObject(self.dc, previous) };
        result
    }

    fn pen(width: f32, color: Rgb, scale: f32) -> Result<Object, PrintError> {
        let brush = LOGBRUSH {
            lbStyle: BS_SOLID,
            lbColor: colorref(color),
            lbHatch: 0,
        };
        // Flat ends, as the PDF's lines (a cosmetic pen would be one dot wide and round).
        let style = (PS_GEOMETRIC | PS_SOLID | PS_ENDCAP_FLAT) as u32;
        let width = ((width * scale).round() as u32).max(1);
        // SAFETY: the brush description lives for the call.
        let pen = unsafe { ExtCreatePen(style, width, &brush, 0, null()) };
        if pen.is_null() {
            return Err(last_error("ExtCreatePen"));
        }
        Ok(Object(pen))
    }

    fn draw(&mut self, item: &Item) -> Result<(), PrintError> {
        match item {
            Item::Text {
                x,
                baseline,
                text,
                weight,
                size,
                color,
            } => {
                if text.is_empty() {
                    return Ok(());
                }
                let font = self.font(*weight, *size)?;
                let (units, dx) = self.advances(*x, text, *weight, *size);
                let (px, py) = (self.x(*x), self.y(*baseline));
                let dc = self.dc;
                let ok = self.with(font, || {
                    // SAFETY: a valid context; `dx` has one entry per UTF-16 unit.
                    unsafe {
                        SetTextColor(dc, colorref(*color));
                        ExtTextOutW(
                            dc,
                            px,
                            py,
                            0,
                            null(),
                            units.as_ptr(),
                            units.len() as u32,
                            dx.as_ptr(),
                        )
                    }
                });
                if ok == 0 {
                    return Err(last_error("ExtTextOutW"));
                }
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } => {
                let pen = Self::pen(*width, *color, self.scale.1)?;
                let (a, b, c, d) = (self.x(*x1), self.y(*y1), self.x(*x2), self.y(*y2));
                let dc = self.dc;
                let ok = self.with(pen.0, || {
                    // SAFETY: a valid context.
                    unsafe { MoveToEx(dc, a, b, null_mut()) != 0 && LineTo(dc, c, d) != 0 }
                });
                if !ok {
                    return Err(last_error("LineTo"));
                }
            }
            Item::Rect {
                x,
                top,
                width,
                height,
                fill,
                stroke,
            } => {
                // Edges rounded one by one, so that the QR code's runs of modules meet.
                let rect = RECT {
                    left: self.x(*x),
                    top: self.y(*top),
                    right: self.x(x + width),
                    bottom: self.y(top + height),
                };
                if let Some(color) = fill {
                    // SAFETY: makes a brush, deleted by `Object`.
                    let brush = Object(unsafe { CreateSolidBrush(colorref(*color)) });
                    if brush.0.is_null() {
                        return Err(last_error("CreateSolidBrush"));
                    }
                    // SAFETY: a valid context, rectangle and brush.
                    if unsafe { FillRect(self.dc, &rect, brush.0) } == 0 {
                        return Err(last_error("FillRect"));
                    }
                }
                if let Some(color) = stroke {
                    let pen = Self::pen(1.0, *color, self.scale.1)?;
                    let dc = self.dc;
                    // SAFETY: a stock object, never deleted.
                    let hollow = unsafe { GetStockObject(NULL_BRUSH) };
                    let ok = self.with(pen.0, || {
                        self.with(hollow, || {
                            // SAFETY: a valid context.
                            unsafe { Rectangle(dc, rect.left, rect.top, rect.right, rect.bottom) }
                        })
                    });
                    if ok == 0 {
                        return Err(last_error("Rectangle"));
                    }
                }
            }
        }
        Ok(())
    }
}

/// Sets the context up for text on its baseline, over what is already drawn; again on each page,
/// as `StartPage` may reset the context.
fn prepare_page(dc: HDC) {
    // SAFETY: a valid context.
    unsafe {
        SetBkMode(dc, TRANSPARENT as i32);
        SetTextAlign(dc, TA_BASELINE | TA_LEFT | TA_NOUPDATECP);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::fonts::text_width;

    /// A 600 dpi printer whose printable area starts a quarter inch from the paper's edges.
    fn canvas() -> Canvas {
        Canvas {
            dc: null_mut(),
            scale: (600.0 / 72.0, 600.0 / 72.0),
            offset: (150.0, 150.0),
            fonts: HashMap::new(),
        }
    }

    #[test]
    fn points_land_where_they_are_on_the_paper() {
        let c = canvas();
        // One inch from the paper's corner is 600 dots, less the unprintable quarter inch.
        assert_eq!((c.x(72.0), c.y(72.0)), (450, 450));
        assert_eq!((c.x(0.0), c.y(0.0)), (-150, -150));
    }

    #[test]
    fn a_line_of_text_is_as_long_as_in_the_pdf() {
        let c = canvas();
        let text = "Désignation d'un gestionnaire local — Lévis";
        let (units, dx) = c.advances(54.0, text, Weight::Bold, 10.0);
        assert_eq!(units, text.encode_utf16().collect::<Vec<_>>());
        assert_eq!(dx.len(), units.len());
        let width = text_width(text, Weight::Bold, 10.0);
        assert_eq!(dx.iter().sum::<i32>(), c.x(54.0 + width) - c.x(54.0));
        // A character outside the BMP: two units, the second taking no room.
        let (units, dx) = c.advances(0.0, "a\u{1F600}b", Weight::Regular, 10.0);
        assert_eq!(units.len(), 4);
        assert_eq!(dx[2], 0);
    }

    #[test]
    fn colours_are_in_windows_order_and_papers_have_their_codes() {
        assert_eq!(colorref((1.0, 0.0, 0.0)), 0x0000ff);
        assert_eq!(colorref((0.035, 0.341, 0.592)), 0x975709);
        let pages = |(width, height)| Pages {
            width,
            height,
            pages: Vec::new(),
        };
        assert_eq!(
            paper_code(&pages(crate::pdf::Paper::Letter.size())),
            Some(DMPAPER_LETTER)
        );
        assert_eq!(
            paper_code(&pages(crate::pdf::Paper::A4.size())),
            Some(DMPAPER_A4)
        );
        assert_eq!(paper_code(&pages((500.0, 700.0))), None);
    }
}
