# piqm-acces — English (Canada). Second language of the interface.
# Messages say what to do and name the field (see ../shared/notes/form-ux.md).

app-title = Designation of a local access rights manager — PIQM
app-name = PIQM Access

## Steps

step-choice = Choice of form
step-organization = Organization
step-requester = Requester
step-manager = Manager
step-review = Check your answers
step-sending = Sending
step-confirmed = Request sent
step-queued = Waiting to be sent
step-refused = Request refused
step-progress = Step { $number } of { $count } — { $title }

## Choice of form

kind-municipality = Municipality
kind-organization = Organization
mcat-municipalite = Municipality
mcat-ville = City (ville)
mcat-village = Village
mcat-village-nordique = Northern village
mcat-paroisse = Parish (paroisse)
mcat-canton = Township (canton)
mcat-cantons-unis = United townships (cantons unis)
mcat-mrc = Regional county municipality (MRC)
mcat-region = Region
civility-mr = Mr.
civility-mrs = Ms.

## Field labels

field-form-kind = Form
field-municipal-category = Municipal category
field-organization-category = Organization category
field-org-name = Name of the organization
field-civic-number = Civic number
field-street = Street name
field-municipality = Municipality
field-postal-code = Postal code
field-region = Administrative region
field-provincial-riding = Provincial electoral district
field-federal-riding = Federal electoral district
field-identification-code = Municipal identification code
field-civility = Title
field-requester-last-name = Requester's last name
field-requester-first-name = Requester's first name
field-requester-function = Position
field-requester-phone = Telephone
field-requester-extension = Extension
field-requester-email = Email
field-manager-username = Bureau municipal username
field-manager-last-name = Last name
field-manager-first-name = First name
field-manager-function = Position
field-manager-phone = Telephone
field-manager-extension = Extension
field-manager-email = Email

## Hints under labels

optional = (optional)
not-provided = Not provided
hint-postal-code = For example: G1R 4J3
hint-requester-phone = For example: 418 691-2005
hint-requester-extension = Digits only, for example 123
hint-requester-email = For example: clerk@municipality.qc.ca
hint-manager-username = For example: abcd0001
hint-identification-code = The municipal identification code was mailed to the municipality on May 1, 2008. Every municipality needs it, except northern villages, MRCs and regions.
hint-requester = The requester must be a person in authority within the organization.

## Validation problems

error-summary-title = There is a problem
err-too-long = Write at most { $max } characters in "{ $label }"; there are { $count }.
err-form-kind-missing = Choose the form: municipality or organization.
err-municipal-category-missing = Choose the municipal category, for example City or Municipality.
err-organization-category-missing = Choose the organization's category from the list.
err-organization-category-unknown = The organization category is not in the list. Choose one from the list.
err-org-name-missing = Enter the name of the organization.
err-civic-number-format = The civic number must start with a digit, for example 10 or 1025-B. Leave it empty if there is none.
err-street-missing = Enter the organization's street name.
err-municipality-missing = Choose the organization's municipality from the list.
err-municipality-unknown = The municipality is not in the list of Québec municipalities. Choose it from the list.
err-postal-code-missing = Enter the organization's postal code, for example G1R 4J3.
err-postal-code-format = The postal code must have 6 characters, letter-digit-letter digit-letter-digit, for example G1R 4J3.
err-postal-code-letter = A postal code cannot contain the letters D, F, I, O, Q or U, nor start with W or Z. Check it, for example G1R 4J3.
warn-postal-code-outside-quebec = This postal code is not in Québec (it does not start with G, H or J). Check it; you can continue if it is right.
err-region-unknown = The administrative region is not in the list. Choose it from the list or leave it empty.
err-region-mismatch = { $municipality } is in the { $region } region. Choose that region or leave the field empty.
err-provincial-riding-missing = Choose the organization's provincial electoral district.
err-provincial-riding-unknown = The provincial electoral district is not in the 2022 list. Choose it from the list.
err-provincial-riding-mismatch = This provincial district does not cover { $municipality }. Choose one of the districts offered for that municipality.
err-federal-riding-missing = Choose the organization's federal electoral district.
err-federal-riding-unknown = The federal electoral district is not in the 2023 list. Choose it from the list.
err-identification-code-missing = Enter the municipal identification code, mailed on May 1, 2008.
err-identification-code-format = The identification code must have at least 4 letters or digits, without spaces. Copy it as it appears on the Ministry's letter.
err-civility-missing = Choose Mr. or Ms. for the requester.
err-requester-last-name-missing = Enter the requester's last name.
err-requester-first-name-missing = Enter the requester's first name.
err-requester-function-missing = Enter the requester's position, for example Director General.
err-requester-phone-missing = Enter the requester's telephone number, for example 418 691-2005.
err-requester-phone-digits = The requester's telephone number must have 10 digits, area code included, for example 418 691-2005.
err-requester-phone-not-north-american = The requester's telephone number does not exist in North America: the area code and the next three digits never start with 0 or 1. Check it.
err-requester-phone-extension = After the requester's telephone number, write only the extension, for example "418 691-2005 ext. 123", or use the Extension field.
err-requester-phone-two-extensions = The requester's telephone number holds an extension different from the Extension field. Keep only one.
err-requester-extension-format = The requester's extension must have at most 6 digits, for example 123.
err-requester-email-missing = Enter the requester's email address, for example clerk@municipality.qc.ca.
err-requester-email-format = Enter the requester's email address as name@domain.ca, with no name or spaces around it.
err-manager-username-missing = Enter the manager's Bureau municipal username, for example abcd0001.
err-manager-username-format = A Bureau municipal username is 4 letters followed by 4 digits, for example abcd0001.
warn-manager-unconfirmed = The manager's details have not been confirmed by the Bureau municipal yet. They will be checked before sending.

## Command line
# clap adds the colon after headings itself.

cli-file-unreadable = Cannot read the file "{ $path }": { $reason }. Check the path and your permissions on the file.
cli-parse-syntax = The file "{ $path }" is not a readable draft: JSON syntax error at line { $line }, column { $column }. Fix it there or use an intact copy. (Detail: { $detail })
cli-parse-truncated = The file "{ $path }" is incomplete: it stops at line { $line }, column { $column }. It may have been cut during a copy; use an intact copy.
cli-parse-content = The file "{ $path }" holds an unexpected value at line { $line }, column { $column }: a required value is missing, has the wrong type or is not one of the allowed choices. (Detail: { $detail })
cli-parse-newer-version = The file "{ $path }" was made by a newer version of the application (format { $found }). Update the application to open it.
cli-parse-no-version = The file "{ $path }" is not a designation draft: it does not state its format version (schema_version).
cli-check-valid = { $path }: the designation is complete and valid.
cli-check-invalid = { $path }: { $count ->
        [one] 1 problem to fix.
       *[other] { $count } problems to fix.
    }
cli-warning = warning
cli-file-not-utf8 = The file "{ $path }" is not a UTF-8 text file: it is not a designation draft. Check that you chose the right file.
io-not-found = this file does not exist
io-permission-denied = you are not allowed to read it
io-is-a-directory = it is a folder, not a file
read-too-large = "{ $path }" is larger than { $limit }: { $kind ->
        [draft] no draft is that large (a complete draft is about 2 KB)
        [import] no draft or PDF copy made by the application is that large (a copy is about 30 KB)
        [pkcs12] no PKCS #12 certificate file is that large (it is a few KB)
        [pdf] no PDF copy made by the application is that large (a copy is about 30 KB)
       *[settings] no settings file is that large (it is a few hundred bytes)
    }. It is not read. Check that you chose the right file.
read-not-a-file = "{ $path }" is not an ordinary file (it is a folder, a named pipe or a device): it is not read. { $kind ->
        [draft] Choose a draft (.json) made by the application.
        [import] Choose a draft (.json) or a PDF copy made by the application.
        [pkcs12] Choose the .p12 or .pfx file of your certificate.
        [pdf] Choose a PDF copy to print.
       *[settings] Give an ordinary settings file (config.toml), or remove the --config option.
    }
cli-settings-nothing-done = Nothing was done.
size-bytes = { $n } bytes
size-kib = { $n } KiB
size-mib = { $n } MiB
cli-about = Designation of a local access rights manager for the PIQM online service. Without a command, opens the application.
cli-help-data-dir = Folder of drafts and of the outbox (also PIQM_DATA_DIR)
cli-help-config = Settings file to use
cli-help-lang = Language of messages: fr or en (default: the system's if it is English, else French)
cli-help-check = Checks a draft: prints each problem as "field: message". Exit code 0 when the designation is complete and valid, 1 when it has problems, 2 when the file cannot be read.
cli-help-check-file = The draft file (.json) to check
cli-heading-usage = Usage:
cli-heading-options = Options
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-help-help = Print this help
cli-help-version = Print the version
mdes-village-cri = Cree village
mdes-village-naskapi = Naskapi village
mdes-gouvernement-regional = Regional government
cli-gui-failed = The application could not open its window: { $reason }. On Linux, check that a graphical session is open (DISPLAY or WAYLAND_DISPLAY).

## Application

switch-language = Français
help-button = Help
notice-settings-broken = The settings file "{ $path }" could not be read ({ $reason }). The application uses the default settings; your drafts are untouched.
notice-settings-not-a-file = "{ $path }" is not an ordinary file: it is not read as the settings file. The application uses the default settings; your drafts are untouched.
notice-settings-too-large = The settings file "{ $path }" is larger than { $limit } KiB: these are not settings, it is not read. The application uses the default settings; your drafts are untouched.
notice-settings-unsaved = The settings could not be saved in "{ $path }": { $reason }. They apply until the application is closed.
home-title = Designation of a local access rights manager
home-intro = This request gives your municipality or organization access to the online service of the Programme d'infrastructures Québec-Municipalités (PIQM) through a person you designate. As "local access rights manager", this person can use the online service and grant or remove access rights for the employees and agents of your municipality or organization.
home-needs = Have at hand the designated person's Bureau municipal username (for example abcd0001) and, for a municipality, the identification code mailed on May 1, 2008. You can fill in the request over several sittings: nothing is sent until you confirm.
home-new = New designation
home-drafts = Your drafts
home-no-drafts = No drafts yet.
home-return = Back to the start
back = ‹ Back
continue = Continue
continue-to-review = Continue to the review
change = Change
submit = Send the designation
to-confirm = to be confirmed
picker-placeholder = Type to filter the list
picker-placeholder-short = Type the first letters, or click a choice
picker-no-match = No choice matches. Delete a few letters.
choice-intro = Choose the form that fits your organization: the one for municipalities (municipality, city, village, northern village, parish, township, united townships, MRC and region) or the one for organizations.
organization-intro = Enter the full contact information of your organization.
hint-municipality = Type the start of the name, for example "levis" for Lévis.
hint-region = Filled from the municipality.
hint-provincial-riding = The list only holds the districts that cover the chosen municipality.
manager-intro = Enter the Bureau municipal username of the person designated as local access rights manager, then click "Search": their contact information will appear. An organization can designate only one manager for the PIQM online service.
manager-modify = To change their contact information, the person must go to the Bureau municipal site, give their username and password, and make the changes on the page "Modification aux données personnelles et aux accès".
lookup-button = Search
lookup-searching = Searching…
lookup-not-found = Nobody has this username at the Bureau municipal. Check it with the designated person.
lookup-not-configured = Searching is not possible for now: the service address is not configured. The username is kept; the details will be confirmed before sending.
lookup-unavailable = The service does not answer for now. The username is kept; the details will be confirmed before sending.
review-what-sending-does = "Send the designation" transmits these answers to the Ministry's Direction des infrastructures. Nothing is sent before. Once sent, the designation can no longer be changed; you can duplicate it to make a new one.
sending-body = Sending your designation to the Direction des infrastructures…
queued-body = Your designation is complete and waits to be sent to the Direction des infrastructures. It will leave as soon as the service can be reached; you have nothing else to do.
queued-no-endpoint = The address of the sending service is not configured on this computer yet.
confirmed-thanks = Thank you, your request was sent to the Direction des infrastructures.
confirmed-number = Request number: { $numero } (received on { $date }).
confirmed-next = Once the request is processed, the person you designated will receive an email confirming their appointment as "local access rights manager".
refused-body = The Direction des infrastructures refused the request. Correct what it points out, then send it again.
refused-fix = Correct the request
help-title = Help
help-how = Fill in each step, then click "Continue". Fields are required unless marked "(optional)". Before sending, a page shows all your answers; you can change each section.
help-contact-title = To reach the Direction des infrastructures
contact-phone = Telephone: { $value }
contact-fax = Fax: { $value }
contact-email = Email: { $value }
help-keys-title = Keyboard
help-keys = Tab and Shift+Tab: next or previous field
    Enter: Continue (or choose in a list)
    Up and down arrows: move in a list
    Escape: close a list or the help
    Alt+Left arrow: previous step
    F1: open or close the help
    Ctrl+S: save right away
    Ctrl+= and Ctrl+-: larger or smaller text; Ctrl+0: normal size
help-close = Close the help

## Sending to the Ministry's service

notice-settings-unknown-key = The settings file "{ $path }" contains the setting "{ $key }", which this version does not know: it is ignored.
notice-settings-bad-value = The setting "{ $key }" in the file "{ $path }" cannot be used ({ $reason }): its default applies. Correct it in Settings.
notice-settings-bad-text-size = The setting "taille_texte" in the file "{ $path }" is { $value }: it must be a whole number from 100 to 200 (percent of the normal size), for example taille_texte = 150. Text shows at 100%. Correct it in Settings, or with Ctrl+= and Ctrl+-.
endpoint-empty = Enter the address of the sending service, for example https://piqm.example.gouv.qc.ca.
endpoint-invalid = "{ $address }" is not a web address. Enter the full address of the service, for example https://piqm.example.gouv.qc.ca.
endpoint-not-https = The address "{ $address }" must start with https://: without encryption, the designation and the token would travel in clear. (http:// is allowed only for a service on this computer.)
endpoint-scheme = The address "{ $address }" must start with https://.
endpoint-extra = The address "{ $address }" must not contain a user name, a password, "?" or "#". Enter only the service's address; the token goes in its own field.
failure-not-configured = the address of the sending service is not set on this computer
failure-offline = the service could not be reached (no Internet connection, or the service is down)
failure-timeout = the service did not answer in time
failure-busy = the service is busy and asked to try again later
failure-server-error = the service had an error on its side
failure-bad-response = the service gave an unexpected answer

## Drafts on disk

draft-status-draft = draft
draft-status-ready = ready to send
draft-status-queued = waiting to be sent
draft-status-sent = sent
draft-status-sent-number = sent, no. { $number }
draft-status-refused = refused
draft-unnamed = (no name)

# Reasons, inserted in the messages below: they also say what to do.
store-reason-not-found = the file or folder does not exist
store-reason-permission-denied = you do not have the rights needed on this file or folder; ask your IT contact for them or choose another folder
store-reason-disk-full = the disk is full; free some space and try again
store-reason-read-only-disk = the disk or share is read-only; choose a folder you can write to
store-reason-is-a-directory = it is a folder, not a file
store-reason-not-a-directory = a file has the name of the expected folder; choose another folder
store-reason-other = the system refused the operation; try again, and if it happens again, restart the computer
store-reason-not-utf8 = it is not a UTF-8 text file, so not a designation draft
store-reason-too-large = the file is larger than { $limit }: far too large for a draft or a PDF copy, it is not read; check that you chose the right file
store-reason-not-a-file = it is not an ordinary file (it is a folder, a named pipe or a device): it is not read; choose a draft (.json) or a PDF copy
store-reason-attachment-too-large = the designation attached to this PDF is larger than { $limit } once decompressed: it is not a copy made by the application, reading stopped there; ask whoever sent it for an intact copy
store-reason-unexpected-name = this file was not saved by the application; to add a draft, use import instead
store-reason-id-mismatch = the file's name does not match the draft it holds; it was probably copied or renamed by hand
store-reason-damaged-pdf = this PDF is damaged or is not one; use an intact copy
store-reason-pdf-without-draft = this PDF holds no designation: only copies made by the application can be imported
store-reason-reader-failed = the application met an internal error while reading it; the file is left in place: restart the application, and if it happens again, report it to technical support
store-reason-syntax = JSON syntax error at line { $line }, column { $column }
store-reason-truncated = the file stops at line { $line }, column { $column }; it was probably cut off
store-reason-content-at = unexpected value at line { $line }, column { $column }
store-reason-content = a value is missing, has the wrong type or is not one of the allowed choices
store-reason-no-version = it does not state its format version (schema_version)
store-reason-newer-version = it was created by a newer version of the application (format { $found }); update the application to open it

store-io-create-folder = Could not create the folder "{ $path }": { $reason }.
store-io-list-folder = Could not read the contents of the folder "{ $path }": { $reason }.
store-io-read = Could not read "{ $path }": { $reason }.
store-io-save = Could not save "{ $path }": { $reason }. What was already saved is intact.
store-io-move = Could not move "{ $path }": { $reason }. The file stayed where it was.
store-io-erase = Could not erase "{ $path }": { $reason }.
store-io-lock = Could not reserve the drafts folder ("{ $path }"): { $reason }.
store-io-export = Could not write the copy "{ $path }": { $reason }.
store-locked = The drafts folder "{ $path }" is already in use by another window of the application. Close it, then try again; until then, drafts can only be viewed.
store-locked-pid = The drafts folder "{ $path }" is already in use by another window of the application (process { $pid }). Close it, then try again; until then, drafts can only be viewed.
store-read-only = The drafts in "{ $path }" are open for viewing only, because another window of the application is using them. Close it to be able to change them.
store-no-data-folder = No data folder is available for this account: drafts can be neither saved nor sent. Check that your home folder exists and that you can write in it, then start the application again.
store-not-found = No draft has the id "{ $id }". Check it in the list of drafts.
store-ambiguous = "{ $prefix }" is the start of the id of { $count } drafts. Give more of its characters.
store-conflict = A draft already has this id ({ $id }): "{ $name }". Choose to replace it (it will go to the trash) or to keep both drafts.
store-quarantined = The draft "{ $file }" cannot be read: { $reason }. It was set aside, not erased, in the folder "{ $folder }". The other drafts are not affected.
store-unreadable = The file "{ $path }" cannot be opened: { $reason }.

## Command line: drafts

cli-help-drafts = The drafts saved on this computer: list, import, export, delete, restore. Exit code 0 when done, 1 when a choice is needed, 2 when it is not possible.
cli-help-drafts-list = Shows the drafts, most recently modified first
cli-help-drafts-json = Prints the result as JSON, for scripts
cli-help-drafts-import = Adds a draft from a file (for example exported on another computer)
cli-help-drafts-import-file = The draft file (.json) to import
cli-help-drafts-replace = If a draft has the same id, replace it (the old one goes to the trash)
cli-help-drafts-keep-both = If a draft has the same id, keep both (the imported one gets a new id)
cli-help-drafts-export = Writes a copy of a draft to a file, to finish it on another computer
cli-help-drafts-id = The draft's id, or its first characters as the list shows them
cli-help-drafts-output = The file to write
cli-help-drafts-force = Replace the file if it already exists
cli-help-drafts-delete = Moves a draft to the trash (it can be restored)
cli-help-drafts-duplicate = Creates a new draft with the same answers
cli-help-drafts-trash = Shows the drafts in the trash
cli-help-drafts-restore = Restores a draft from the trash
cli-help-drafts-version = The version to restore, as "drafts trash" shows it (default: the latest)
cli-help-drafts-empty-trash = Erases the drafts in the trash for good
cli-drafts-no-data-dir = Could not find this computer's drafts folder. Give it with --data-dir FOLDER or the PIQM_DATA_DIR variable.
cli-drafts-none = No drafts in "{ $path }".
cli-drafts-trash-empty = The trash is empty.
cli-drafts-col-id = Id
cli-drafts-col-name = Organization
cli-drafts-col-kind = Form
cli-drafts-col-step = Step
cli-drafts-col-status = Status
cli-drafts-col-modified = Modified
cli-drafts-col-deleted = Deleted
cli-drafts-col-version = Version
cli-drafts-conflict-hint = Run the import again with --replace to replace that draft, or with --keep-both to keep both.
cli-drafts-imported = Draft imported: "{ $name }" ({ $id }).
cli-drafts-imported-replaced = Draft imported: "{ $name }" ({ $id }) replaces the draft with the same id, which is now in the trash.
cli-drafts-imported-kept-both = Draft imported as a new draft: "{ $name }" ({ $id }). Draft { $other } was left as it was.
cli-drafts-incomplete = { $count ->
        [one] 1 answer is left to complete or fix before sending.
       *[other] { $count } answers are left to complete or fix before sending.
    }
cli-drafts-export-exists = The file "{ $path }" already exists. Choose another name, or add --force to replace it.
cli-drafts-exported = Copy of the draft "{ $name }" written to "{ $path }".
cli-drafts-deleted = The draft "{ $name }" ({ $id }) is in the trash. To restore it: piqm-acces drafts restore { $id }
cli-drafts-duplicated = New draft created: "{ $name }" ({ $id }).
cli-drafts-restored = The draft "{ $name }" ({ $id }) is back in the list.
cli-drafts-trash-emptied = { $count ->
        [0] The trash was already empty.
        [one] 1 draft erased for good.
       *[other] { $count } drafts erased for good.
    }

## Drafts in the window

home-resume = You were working on "{ $name }" (step: { $step }). You can pick up where you left off.
home-resume-button = Resume this draft
home-import = Import a draft…
home-no-store = Drafts cannot be saved: no data folder is available. Give one with --data-dir.
home-filter = Filter by organization name or number
home-filter-none = No draft matches the filter.
draft-kind-unknown = Form not chosen
draft-form-municipality = Municipality form
draft-form-organization = Organization form
draft-at-step = step { $number } of { $count }
draft-at-review = answers to check
draft-modified = Modified { $when }
draft-open = Open
draft-view = View
draft-duplicate = Duplicate
draft-export = Export…
draft-delete = Delete
draft-delete-question = Move this draft to the trash?
draft-delete-yes = Yes, move it to the trash
cancel = Cancel
trash-show = Show the trash
trash-hide = Hide the trash
trash-title = Trash
trash-empty = The trash is empty.
trash-deleted = deleted { $when }
trash-restore = Restore
trash-empty-button = Empty the trash
trash-empty-question = Erase every draft in the trash for good?
trash-empty-yes = Yes, erase for good
import-conflict = The file "{ $file }" holds a draft with the same id as "{ $name }". What do you want to do?
import-replace = Replace (the old one goes to the trash)
import-keep-both = Keep both
import-done = Draft imported: "{ $name }".
import-history-sent = According to this file, it is a copy of a designation sent under no. { $numero } on { $date }. It arrives here as a new draft, which has not been sent: review it, and send it only if it really is a new designation.
import-history-queued = According to this file, this designation was waiting to be sent from another computer. It arrives here as a new draft, which has not been sent: review it, then send it yourself.
import-history-refused = According to this file, this designation was refused on { $date }. It arrives here as a new draft: correct it, then send it.
import-history-refused-undated = According to this file, this designation was refused. It arrives here as a new draft: correct it, then send it.
export-done = Draft exported to "{ $path }".
dialog-export-title = Export the draft
dialog-import-title = Import a draft
dialog-filter-draft = Designation draft
dialog-unavailable = No file chooser is available on this computer. Use the command line: "piqm-acces drafts export" or "piqm-acces drafts import".
saved-at = Saved at { $time }
# A date in a sentence: "received on December 2, 2026 at 5:11 a.m.".
date-long = { $month } { $day }, { $year } at { $time }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
close-unsaved = Close the window again to quit anyway: the changes since the last save would be lost.

## Signed PDF copy

pdf-subtitle = Programme d'infrastructures Québec-Municipalités (PIQM) — copy of the designation
pdf-date = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $day ->
       *[other] { $day }
    }, { $year }
pdf-date-time = { $date } at { $hour }:{ $minute }
pdf-page = Page { $number } of { $count }
pdf-draft-mark = DRAFT — incomplete
pdf-draft-explanation = This designation is not complete: it cannot be sent to the Ministère as it is. Fix the problems below in the application, then make a new copy.
pdf-problems-title = { $count ->
        [one] 1 problem to fix
       *[other] { $count } problems to fix
    }
pdf-status = Status of the request
pdf-status-draft = Draft, not sent yet
pdf-status-queued = Waiting to be sent
pdf-status-sent = Sent to the Ministère
pdf-status-refused = Refused by the Ministère
pdf-receipt-number = Request number
pdf-receipt-date = Received by the Ministère on
pdf-refusal-date = Refused on
pdf-refusal-message = Reason for refusal
pdf-copy-date = Copy made on
pdf-section-form = Form
pdf-section-organization = Organization
pdf-section-requester = Requester
pdf-section-manager = Local access rights manager
pdf-manager-confirmed = Details confirmed by the Bureau municipal
pdf-yes = Yes
pdf-no = No
pdf-hand-title = Signature of the requester
pdf-hand-name = Name
pdf-hand-function = Position
pdf-hand-organization = Organization
pdf-hand-date = Date
pdf-hand-signature = Signature
pdf-digital-title = Digital signature of this document
pdf-digital-signer = Signer
pdf-digital-date = Signed on
pdf-digital-certificate = Certificate
pdf-digital-self-signed = Self-signed certificate of this installation ("{ $name }"), the same for all its copies
pdf-digital-issued-by = Certificate of the organization, issued by { $issuer }
pdf-digital-fingerprint = SHA-256 fingerprint of the certificate
pdf-digital-note = This PDF file carries a digital signature covering all of its content: any change makes it invalid. A PDF reader can check it. The designation is also attached (designation.json).
pdf-attachment-description = Data of the designation, to reopen it in the piqm-acces application
pdf-signature-reason = Copy of the designation of a local access rights manager (PIQM)
pdf-paper-letter = US Letter (8.5 × 11 in)
pdf-paper-a4 = A4 (210 × 297 mm)
pdf-export-failed = The PDF copy could not be made. This is a defect of the application: please report it with this detail. (Detail: { $detail })
pdf-identity-wrong-password = The certificate's password is wrong. Enter the password that protects the .p12 or .pfx file.
pdf-identity-not-pkcs12 = The file "{ $path }" is not a readable PKCS #12 certificate (.p12 or .pfx). Ask your organization's certificate officer for the right file. (Detail: { $detail })
pdf-identity-no-key = The file "{ $path }" holds no private key with its certificate. Export the certificate with its private key, then try again.
pdf-identity-unsupported-key = This certificate's key type is not supported: only RSA and ECDSA P-256 keys are. (Detail: { $detail })
pdf-identity-no-organization = No organization certificate has been imported. Import one in the settings, or use this installation's certificate.
pdf-identity-password-needed = The organization's certificate is protected by a password: enter it to sign the copy.
pdf-identity-io = Cannot read or write "{ $path }": { $detail }. Check your permissions on the data folder.
pdf-identity-corrupt = The signing identity's file "{ $path }" is damaged. Delete the "identite" folder: a new identity will be made. (Detail: { $detail })
pdf-identity-crypto = The signing identity could not be made. This is a defect of the application: please report it with this detail. (Detail: { $detail })
pdf-identity-expired = The organization's certificate expired on { $date }: it can no longer sign. Ask your organization's certificate officer for an up-to-date certificate and import it, or remove this certificate to sign with this installation's own.
pdf-identity-not-yet-valid = The organization's certificate is valid only from { $date }: it cannot sign yet. Wait until then, or check this computer's date and time.
pdf-identity-not-for-signing = This certificate does not allow signing documents (it has neither the "digital signature" nor the "non-repudiation" usage). Ask your organization's certificate officer for a signing certificate.
pdf-extract-not-pdf = The file "{ $path }" is not a readable PDF. (Detail: { $detail })
pdf-extract-no-attachment = The file "{ $path }" holds no designation: it is not a copy made by this application.
pdf-extract-draft = The designation attached to "{ $path }" cannot be read. (Detail: { $detail })
pdf-extract-too-large = The PDF "{ $path }" holds a designation or a stream larger than allowed once decompressed: it is not a copy made by the application, reading stopped there. Ask for an intact copy. { $detail }
pdf-print-no-system = No print system answers on this computer (CUPS on Linux and macOS, the "Print Spooler" service on Windows). Install a printer or start that service, then try again. (Detail: { $detail })
pdf-print-to-file-unsupported = Printing to a file (--to-file) is only offered on Windows, by the printer's driver. Here, print to a CUPS queue instead, for example a PDF printer (cups-pdf).
pdf-reprint-different = The pages of "{ $path }" cannot be drawn again as they are: it is not a signed copy made by this version of piqm-acces, or it was changed since. On Windows, the application prints its copies without a PDF reader; for this file, open it in a PDF reader and print it from there, or make the copy again ("Export as PDF"). (Detail: { $detail })
pdf-reprint-only-copies = Without a PDF reader (on Windows), the application prints only its own signed copies: open this file in a PDF reader to print it.
pdf-print-unknown-printer = There is no printer "{ $printer }". Choose one of the printers in the list.
pdf-print-failed = Printing on "{ $printer }" failed. Check that the printer is on and try again. (Detail: { $detail })

## Command line: PDF copy, printing, identity

cli-help-export = Makes the signed PDF copy of a draft. Exit code 0 when the designation is complete, 1 when it was made marked "DRAFT — incomplete", 2 when a file cannot be read, the copy cannot be written or the certificate's password is wrong.
cli-help-export-file = The draft file (.json)
cli-help-export-output = The PDF file to write
cli-help-export-paper = Paper size: letter (default) or a4
cli-help-export-p12 = Sign with this PKCS #12 certificate (.p12 or .pfx); password from PIQM_P12_PASSWORD or asked
cli-export-written = { $path }: signed copy written ({ $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }).
cli-export-draft = { $path }: copy written, marked "DRAFT — incomplete" ({ $count ->
        [one] 1 problem to fix
       *[other] { $count } problems to fix
    }; "piqm-acces check" lists them).
cli-export-unwritable = Cannot write "{ $path }": { $reason }. Choose another folder or check your permissions.
cli-no-data-dir = No data folder was found for this account. Give one with --data-dir.
cli-p12-password-prompt = Certificate password:{" "}
cli-p12-no-password = The certificate's password could not be asked (no terminal). Give it in the PIQM_P12_PASSWORD environment variable.
cli-help-print = Prints a PDF file on a printer. On Windows, no PDF reader is needed: the pages of a copy made by piqm-acces are drawn again through Windows' printing system. Exit code 0 when the job was handed over, 2 otherwise.
cli-help-print-file = The PDF file to print
cli-help-print-printer = The printer (default: the system's; "piqm-acces printers" lists them)
cli-help-print-to-file = On Windows: writes what the printer would receive (its driver's PostScript, PCL…) to this file instead of printing, to check a printout without paper
cli-print-sent = { $path }: sent to the printer "{ $printer }" (job { $job }).
cli-print-written = { $path }: pages written to "{ $output }" by the driver of the printer "{ $printer }" (job { $job }).
cli-print-no-printer = No default printer. Choose one with --printer ("piqm-acces printers" lists them).
cli-help-printers = Lists the printers; "default" marks the system's.
cli-printers-none = No printer is installed.
cli-printer-default = (default)
cli-help-identity = Shows or changes the identity that signs the PDF copies.
cli-help-identity-show = Shows the signing identity and its certificate's fingerprint.
cli-help-identity-import = Imports the organization's certificate from a PKCS #12 file (.p12 or .pfx); its password is not kept.
cli-help-identity-import-file = The .p12 or .pfx file
cli-identity-none = Signing identity: none yet; a self-signed certificate will be made with the first PDF copy.
cli-identity-set-aside = An unusable signing identity (a key without its certificate, or that did not match) was set aside and replaced; the note "{ $path }" says why. Copies signed before still verify, but the fingerprint changed.
cli-identity-self-signed = Signing identity: self-signed certificate of this installation
cli-identity-organization = Signing identity: the organization's certificate (password asked at each signature)
cli-identity-holder = Holder: { $name }
cli-identity-issuer = Issuer: { $issuer }
cli-identity-fingerprint = SHA-256 fingerprint: { $fingerprint }
cli-identity-validity = Valid from { $from } to { $to }
cli-identity-algorithm = Algorithm: { $algorithm }
cli-identity-imported = The certificate was imported: it will sign the next PDF copies.
dialog-filter-draft-or-copy = Draft or signed PDF copy
refusal-unauthorized = The service did not recognize this computer's identification (access token). Check the token in the settings, then send again.
refusal-forbidden = The service refused access to this computer. Check the token in the settings and the municipality's identification code.
refusal-already-designated = This organization already has a local access rights manager: an organization can designate only one. Contact the Direction des infrastructures to replace them.
refusal-generic = The Direction des infrastructures refused the request without giving a reason. Contact them.
refusal-key-reused = The Direction des infrastructures already received a designation with the same id, with other answers: these answers were not received. To send them, click "Duplicate": a new designation is made with these answers, which you can then send.
lookup-unauthorized = The service refused this computer's identification: check the access token in the settings. The username is kept.
lookup-not-configured-cli = Searching is not possible: the service address is not set. Give it with --endpoint URL, the PIQM_ENDPOINT variable or the adresse_service setting.
cli-lookup-unknown = Nobody has the username { $username } at the Bureau municipal. Check it with the designated person.
cli-lookup-unauthorized = The service refused this computer's identification ({ $detail }). Check the token (jeton setting).
cli-lookup-unavailable = The search could not be done: { $reason }. Try again later.
cli-client-failed = The sending service's client could not start: { $reason }.
cli-endpoint-refused = Nothing was sent. { $reason }
cli-submit-already-sent = This designation was already sent and accepted (number { $numero }): it is not sent a second time.
cli-submit-invalid = { $path }: nothing was sent, { $count ->
        [one] 1 problem to fix.
       *[other] { $count } problems to fix.
    }
cli-send-empty = The outbox is empty: nothing to send.
cli-send-accepted = { $name }: sent, number { $numero }.
cli-send-deferred = { $name }: stays in the outbox, because { $reason }. Next automatic try: { $next } (or run "piqm-acces send").
cli-send-refused = { $name }: refused by the Direction des infrastructures. Correct the following, then send again:
cli-send-refused-key-reused = { $name }: refused by the Direction des infrastructures, which did not receive these answers:
cli-send-key-reused-hint = From the command line: piqm-acces drafts duplicate { $id }, then send the copy.
cli-send-problems = { $name }: not sent, because { $count ->
        [one] 1 answer needs correcting
       *[other] { $count } answers need correcting
    } (below). It is a draft again: correct it, then send it again.
cli-help-endpoint = Address of the sending service (also PIQM_ENDPOINT); replaces the one in the settings
cli-help-submit = Checks a draft, puts it in the outbox and tries to send it. Exit code 0 if accepted (the number is printed), 1 if the draft has problems (nothing is sent), 3 if it stays in the outbox (offline, service busy), 4 if it is refused (the reasons are printed).
cli-help-submit-file = The draft file (.json) to send
cli-help-send = Sends everything waiting in the outbox. Exit code 0 if the outbox ends empty, 1 if a designation has answers to correct (it is not sent and becomes a draft again), 3 if some remain, 4 if a designation was refused.
cli-help-lookup = Looks up a Bureau municipal username and prints the details. Exit code 0 if found, 1 if unknown, 3 if the service cannot be reached.
cli-help-lookup-username = The username, for example abcd0001
settings-open = Settings
settings-title = Settings
settings-service = Sending service
settings-intro = Designations are sent to the online service of the Direction des infrastructures. Enter the address they gave you and, if they gave you one, your organization's access token.
settings-endpoint = Service address
settings-endpoint-hint = For example: https://piqm.example.gouv.qc.ca. Leave empty to prepare designations without sending them.
settings-token = Access token
settings-token-hint = The token is kept in the settings file, readable only by you.
settings-save = Save
settings-test = Test the connection
settings-saved = Settings saved. Waiting designations leave as soon as the service answers.
settings-testing = Testing the connection…
settings-test-ok = The service answers ({ $ms } ms) and accepts this computer: designations can be sent.
settings-test-unauthorized = The service answers, but refuses this computer's identification ({ $detail }). Check the access token.
settings-test-failed = The connection did not succeed: { $reason }. Check the address and your Internet connection.
settings-display = Display
settings-text-size = Text size: { $percent }%
settings-text-size-hint = From 100% to 200%. With the keyboard, anywhere in the application: Ctrl+= enlarges, Ctrl+- reduces, Ctrl+0 goes back to the normal size. The size is kept for next time.
settings-text-smaller = Smaller
settings-text-larger = Larger
settings-text-normal = Normal size
settings-theme = Colours: { $theme }
settings-theme-hint = "High contrast": white text on black, links and the keyboard's marker in yellow.
settings-theme-system = Follow the system
settings-theme-light = Light
settings-theme-dark = Dark
settings-theme-contrast = High contrast
settings-file = These settings are kept in { $path }.
outbox-button = Outbox
outbox-button-waiting = Outbox ({ $count })
outbox-button-sending = Sending ({ $count })
outbox-title = Outbox
outbox-intro = Ready designations wait here to be sent. The application sends them as soon as the service answers: right away, at every start, then at longer and longer intervals (at most 15 minutes). Each one is received only once, even when sending is retried.
outbox-no-endpoint = The address of the sending service is not set on this computer: nothing can leave. Enter it in the settings.
outbox-send-now = Send now
outbox-sending = Sending: { $count }
outbox-empty = No designation is waiting to be sent.
outbox-run-title = Result of the last sending
outbox-run-sent = { $name }: sent, number { $detail }.
outbox-run-refused = { $name }: refused by the Direction des infrastructures. Open it below to see why and correct it.
outbox-run-problems = { $name }: not sent, because some answers need correcting. It is a draft again: open it from the home screen to correct it.
outbox-run-waiting = { $name }: still waiting ({ $detail }). It will be sent again automatically.
outbox-run-no-answer = the service did not answer
outbox-item-sending = Sending…
outbox-item-waiting = Waiting to be sent — { $attempts ->
        [0] no try yet
        [one] 1 try
       *[other] { $attempts } tries
    }
outbox-item-failure = The last try did not succeed: { $reason }.
outbox-item-refused = Refused by the Direction des infrastructures
outbox-next-now = Next try: as soon as possible.
outbox-next-soon = Next try: in less than a minute.
outbox-next-minutes = Next automatic try: in { $minutes } min (or click "Send now").
outbox-open = See the outbox
sending-wait = Do not close the application while sending; if it is closed, sending resumes at the next start without creating a duplicate.
confirmed-read-only = This designation is sent: it can no longer be changed. To prepare a similar one, duplicate it.
duplicate = Duplicate
failure-detail = Technical detail: { $detail }
settings-endpoint-override = For this session, the application sends to the address given at start (--endpoint or PIQM_ENDPOINT): { $address }. An address saved here replaces it.

## PDF copy in the window

pdf-export-button = Export as PDF…
pdf-print-button = Print…
pdf-open-button = Open the copy
pdf-working = Preparing the signed copy…
pdf-password-label = Password of the organization's certificate (it is never kept)
pdf-password-submit = Sign
dialog-pdf-title = Save the signed copy
dialog-filter-pdf = Signed PDF copy
dialog-pdf-unavailable = No file chooser is available on this computer. Use the command line: "piqm-acces export".
pdf-saved = Signed copy saved to "{ $path }".
pdf-saved-draft = Copy saved to "{ $path }", marked BROUILLON — incomplet: the designation still has problems.
pdf-open-failed = Cannot open "{ $path }" in the PDF viewer. Open the file from your file manager.
pdf-unwritable = Cannot write "{ $path }": { $reason }. Choose another folder or check your rights.
pdf-no-data-dir = The copy cannot be signed: no data folder is available for this account. Ask your IT support to check your home folder.
print-choose = Choose the printer:
print-default = { $printer } (default)
print-none = No printer is installed on this computer. Export the copy as PDF and print it from another computer.
print-sent = Copy sent to the printer "{ $printer }".
settings-identity-title = Signature of the PDF copies
settings-identity = Copies are signed in the name of { $name } (certificate issued by { $issuer }). SHA-256 fingerprint: { $fingerprint }
settings-identity-self-signed = Copies are signed with this computer's own certificate ("{ $name }"), the same for every copy. SHA-256 fingerprint: { $fingerprint }
settings-identity-none = No certificate yet: a certificate of this computer will be made with the first PDF copy.
settings-identity-hint = To sign with the organization's certificate (.p12 or .pfx): "piqm-acces identity import FILE.p12". Compare the fingerprint with the one shown in the copy to check it comes from this computer.
outbox-read-only = Another window of the application holds the drafts folder: that one sends. This outbox is shown read-only.

## Verifying a copy (piqm-acces verify, "Verify a copy…", importing a copy)
pdf-qr-caption = Verification code
cli-help-verify = Verifies a signed PDF copy: whole, as signed, and by whom.
cli-help-verify-file = The PDF copy to verify.
cli-help-verify-json = Writes the result as JSON.
verify-valid = Valid copy: it has not been changed since it was signed.
verify-valid-unknown = The copy is unchanged since it was signed, but by a certificate this computer does not know: compare the fingerprint below with the one the sender gives you before relying on it.
verify-unsigned = Unsigned copy: anyone could have made or changed it. Do not rely on it; ask the sender for a signed copy.
verify-invalid = Changed copy or unsound signature: { $reason } Do not rely on it; ask the sender for a new copy.
verify-problem-several = it carries several signatures, while the application makes only one.
verify-problem-not-whole = the signature does not cover the whole file: something was added after signing.
verify-problem-digest = the signed content changed after signing.
verify-problem-signature = the signature does not match its certificate.
verify-problem-malformed = the signature cannot be read or is of a kind the application does not make.
verify-problem-qr = the QR code does not match the attached designation.
verify-trust-installation = this computer's certificate
verify-trust-organization = the organisation's certificate imported on this computer
verify-trust-unknown = a certificate this computer does not know
verify-signer = Signed by: { $name } ({ $trust })
verify-fingerprint = SHA-256 fingerprint of the certificate: { $fingerprint }
verify-validity = Certificate valid from { $from } to { $to }
verify-signed-at = Signed on { $date }
verify-certificate-outside-validity = Warning: the certificate was not valid on the date of the signature.
verify-designation = Designation { $id }: { $organization }, { $status }
verify-number = Request number: { $number }
verify-attachment-sha256 = SHA-256 fingerprint of designation.json: { $sha256 }
verify-qr-absent = No QR code in this copy (made by an earlier version of the application).
verify-qr-unchecked = The QR code could not be compared: the attached designation cannot be read.
verify-qr-agrees = The QR code on page 1 matches the attached designation.
verify-qr-differs = The QR code on page 1 does not match the attached designation.
verify-error-io = The file "{ $path }" cannot be read. Check that it exists and that you may read it.
verify-error-too-large = The file "{ $path }" is larger than { $limit } MiB: it is not a copy made by this application.
import-altered-copy = The copy "{ $path }" is not imported: { $reason } Ask the sender for a new copy.
import-warning-unsigned = Warning: this copy is not signed. It is imported as a draft; review every answer before sending it.
import-warning-unknown-signer = Warning: this copy is signed by { $name }, a certificate this computer does not know (fingerprint { $fingerprint }). It is imported as a draft; review every answer before sending it.
home-verify = Verify a copy…
dialog-verify-title = Choose the PDF copy to verify
dialog-filter-copy = Signed PDF copy
verify-panel-title = Verification of the copy "{ $name }"
verify-panel-close = Close

## Manual page (man piqm-acces; examples/manpage.rs)

man-manual = Accès PIQM manual
man-heading-name = NAME
man-heading-synopsis = SYNOPSIS
man-heading-description = DESCRIPTION
man-heading-environment = ENVIRONMENT
man-heading-exit-status = EXIT STATUS
man-heading-version = VERSION
man-description = Accès PIQM replaces the ministry's web form for designating the local access rights manager of a municipality or organization for the PIQM online service. Without a command, piqm-acces opens the application: answers are saved as a draft as they are typed, checked before anything is sent, then sent exactly once, later if the computer is offline. The commands below offer the same services for scripts and technical support.
man-env-data-dir = Folder of the drafts, the outbox and the signing identity, like --data-dir.
man-env-endpoint = Address of the sending service, like --endpoint.
man-env-p12-password = Password of the certificate for export --p12 and identity import; without it, it is asked for on the terminal.
man-exit-ok = All is well.
man-exit-problems = The designation has problems to fix, or a choice is needed.
man-exit-unreadable = A file cannot be read, or the command line is wrong.
man-exit-left-in-outbox = Left in the outbox (offline, service busy, no address configured); for lookup, the service could not be reached.
man-exit-refused = Refused by the ministry.
