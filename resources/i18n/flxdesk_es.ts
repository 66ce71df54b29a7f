<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>ApiClient</name>
        <message>
            <source>No complete answer within {seconds} s; the request was ended.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The proxy server refused or failed the connection. Check the proxy settings, or ask IT whether the proxy is working.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The secure (TLS) connection failed. If this keeps happening, ask IT to check the network's proxy or firewall.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ArmedStatus</name>
        <message>
            <source>Arm {status}?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Armed: {status}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every order scanned from now on will be set to {status}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scan the {code} code again to arm {status}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yes, arm {status}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{status} cannot be undone from flxdesk. flxdesk goes back to {default} after %n minute(s) without a scan.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>ArmedStatusChip</name>
        <message>
            <source>Armed status</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BackgroundJob</name>
        <message>
            <source>Unexpected error: {error}. See the log.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BatchPanel</name>
        <message>
            <source>, {cancelled} cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bulk progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bulk run finished: {summary}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel rest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close the finished bulk run's panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export results…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>about {time} left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting for Flxpoint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting for an API token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting for the connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting for the history file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{done} of {total} done ({summary}), {waiting} waiting, {left}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{h} h {m} min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{m} min {s} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{problem} Try again then.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{sent} sent, {failed} failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{s} s</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BulkDialog</name>
        <message>
            <source>&amp;Import file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(imported from {file})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>, {problems} with a problem (not sent; kept in the history with why)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>; {blank} blank lines skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bulk update</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV or TSV files (*.csv *.tsv *.txt);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note for rows without one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note for rows without one:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order IDs, one per line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste or scan order IDs, one per line, or import a CSV/TSV file (order ID, then optional status and note; a header row such as order_id,status,note is fine).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preview: every row and its check</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Queue %n update(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Queue the %n update(s) shown anyway</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Queue updates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading and checking the rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading {file}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status for rows without one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status for rows without one:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{file} has changed since it was read at {time}. The preview shows the file as it was then, and only those rows are queued: press the button again to queue them, or import the file again to see what it holds now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{rows} rows: {ready} ready</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BulkImport</name>
        <message>
            <source>Duplicate: order {order_id} is already on line {value}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line {line}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No status: choose one, or add a status column.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no file {path}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown status {chosen}: use one of {allowed}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} is not a text file (an Excel workbook?). Save it as CSV (comma or semicolon separated) and import that.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} is {value} MB; files up to {value2} MB can be imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} cannot be read: {value}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} is a folder, not a file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{source} line {line}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{where} cannot be read as CSV: {error}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{where}: a field is longer than {field_size_limit} characters, more than any order ID, status or note. Is a quote (") left open on that line?</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CommandCodes</name>
        <message>
            <source>Acknowledge failures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear the note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set status: {status}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CommandSheet</name>
        <message>
            <source>Scan one to change the station. Commands are never sent to Flxpoint.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flxdesk command barcodes</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CrashRecord</name>
        <message>
            <source>The previous run of flxdesk did not close normally (it was ended, or the computer lost power)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The previous run of flxdesk ended abnormally</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{how}. Updates that were queued are safe: each is saved before it is sent, and what was still waiting is sent now. Details for IT: {report}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Credentials</name>
        <message>
            <source>No system keychain is available on this computer (on Linux, a Secret Service such as GNOME Keyring or KWallet must be running).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The system keychain could not be opened. It may be locked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The system keychain reported a problem ({error}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The token contains spaces, line breaks or unusual characters. Copy it again from Flxpoint.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The token is empty. Paste the API token from Flxpoint.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The token is {len} characters long; an API token has {min_token_length} to {max_token_length}. Copy it again from Flxpoint, whole.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{problem} Set it again in the flxdesk window: Token → Set or replace token…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{source} cannot be used. {problem}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Destination</name>
        <message numerus="yes">
            <source>%n updates were</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>1 update was</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discarded by the person: it was queued for {describe_url}, not for {describe_url2}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discarded by the person: it was queued under a different API token.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an unrecorded destination</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the built-in demo API</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{updates} queued before flxdesk recorded where each update goes (by an older version, perhaps in the demo); they are held. flxdesk now sends to {now}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{updates} queued for {describe_url}; they are held. flxdesk now sends to {now}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{updates} queued under a different API token; they are held.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Endpoint</name>
        <message>
            <source>The API address {url} is not a web address (https://...).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The API address {url} must not contain a query, fragment or login.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The API address {url} uses plain http. Only https is allowed, so that the API token is never sent unencrypted.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EngineThread</name>
        <message>
            <source>an internal error ({error}; details are in the log)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it ended without an error</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EngineWatch</name>
        <message>
            <source>Not taken: sending has stopped. Press Restart sending (bottom right) first; everything already queued is kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restart sending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restart sending updates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sending has stopped unexpectedly ({reason}). New scans are not taken until it runs again: press Restart sending. Updates already queued are kept.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Sending is held (%n waiting) and resumes by itself.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Sending runs again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The history can be written again; sending goes on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flxdesk: sending is held</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>now</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FailurePanel</name>
        <message numerus="yes">
            <source>%n update(s) failed: check these orders, then acknowledge.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Acknowledge (Esc)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed orders and why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failures not yet acknowledged</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FileChoice</name>
        <message>
            <source>{kind} files</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HeldPanel</name>
        <message>
            <source>Discard held updates</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Discard the %Ln update(s) held for {there}?</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Discard…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send held updates elsewhere</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Send the %Ln update(s) queued for {there} to {here} instead?</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Send them with the new token?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send to {url}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send with the new token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>They are never sent. They stay in the history as cancelled, with the reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>They were meant for {there}. Send them to {here} only if it is the same Flxpoint account and these orders should change there.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Updates held for another destination</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{problem} Try again then.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HistoryActions</name>
        <message>
            <source>Each is sent again as a new update that names the failed one. Left out: updates already retried, and orders set to the same status in the last minutes.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Queue the %Ln failed update(s) {where} again?</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Retry all failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{file} cannot be written: {problem}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HistoryDetails</name>
        <message>
            <source>  ← this one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no order ID)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>- (scanned or typed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempts: {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Batch: {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detail: {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details of the selected update</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finished: {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTTP code, the server's message, detail, times, attempts, batch, whether it was resent, and its retries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTTP code: {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last try started: {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note: {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order {order} → {status}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queued: {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resent: {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result: {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry chain, oldest first:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry chain: none (never retried)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select an update in the history to see its details here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sent to: {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Server's message: {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Update number: {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>being sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>could not be sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>first request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>retry of {update}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting to be sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>yes: it was being sent when flxdesk stopped, so Flxpoint may have got it twice</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HistoryFilterBar</name>
        <message>
            <source>All results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All results; only failed updates; or only updates waiting to be sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exact ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exact order ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find order ID (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find order ID in the history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shows the updates whose order ID starts with what you type, or is exactly it when Exact ID is ticked. Enter searches at once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ticked: only this order ID. Not ticked: every order ID that starts with it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting only</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queued again (may be sent twice)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queued, retrying: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sending…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HistoryPane</name>
        <message numerus="yes">
            <source>%Ln update(s) match</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>All updates, newest first</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Copied %n order ID(s).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Copy order IDs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export failed: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export this filter to CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export this filter to CSV…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Exported %Ln update(s) to {file}.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Exporting to {file}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find order ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>History actions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>History of updates, newest first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No failed update to retry {where}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No update matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One row per update: time, order ID, status, note, result. The details of the selected row are next to it. Menu key: copy, retry, export.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queue again every failed update of the period chosen, after asking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queue the selected failed updates again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result of the last history action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry all failed…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save every update the filter shows to a CSV file for Excel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select the failed updates to retry first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>from {period}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in the whole history</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportPreviewModel</name>
        <message>
            <source>Check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ready</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>InstanceLock</name>
        <message>
            <source>another flxdesk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{what} (process {pid}, since {started})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{who} is already using the data folder {data_dir}. Close it first, or wait for it to finish: two at once could send the same updates twice.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source> and </source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n order(s) to {status}</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) in all. This cannot be undone from flxdesk.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n scan(s) kept here meanwhile.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>&amp;Acknowledge failures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Actual size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Bulk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Bulk update…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Forget saved token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;History (newest first)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Order ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Print command barcodes…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Set or replace token…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>; %n held for another destination</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>; %n row(s) with a problem kept in the history as failed</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>API: {url}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Armed: {status}. Every scan is set to {status}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bulk update not queued.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Command barcodes saved to {path}: print and pin it up.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirm bulk update</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not write {path}: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>DEMO MODE: a stand-in API on this computer. Orders 1000-1999 exist; nothing is sent to Flxpoint.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Demo token: no keychain used</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dismiss</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failures acknowledged. Ready for the next scan.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Flxpoint is not answering since {since}, %n waiting</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>History cannot be written since {since}: %n waiting</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>New status</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>No API token: %n waiting</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>No API token: updates wait until one is set (Token menu)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No scan for a while: back to the station's {status}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not taken: {scan}. Acknowledge the failures first (Esc, click the red panel, or scan FLXCMD ACK), then scan it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note cleared.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notice about the previous run</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Offline: %n waiting, sent when the connection is back</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Optional note sent with each update</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Paused: %n waiting</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Queued %n update(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Save the command barcodes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scan or type an order ID, then Enter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send status update</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Sending: %n waiting</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Set {what}?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shift &amp;summary…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Stopped: %n waiting</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>The import is kept, waiting to be written…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>These scans could not be written to the history (it stayed locked or the disk stayed full) and were not sent; scan them again:
{lines}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Token: checking the keychain…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Token: from the system keychain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Token: this session only (not saved)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown command barcode {code}: nothing done.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Update</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flxdesk: scans not written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no API token yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>offline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sending is paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the history is busy, kept here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the scan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{order} was already set to {status} at {when}: not sent again. Scan it again within {seconds} s to send it anyway.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title} — DEMO (orders 1000-1999)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notes</name>
        <message>
            <source>The note is {len} characters long; the most Flxpoint takes is {max_note_length}. Shorten it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OrderIds</name>
        <message>
            <source>Scan or type an order ID first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That order ID contains invisible control characters. Scan it again or type it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That order ID is {len} characters long; the most is {max_order_id_length}. Check the scan.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Paths</name>
        <message>
            <source>The demo folder {folder} cannot be used ({value}). The demo keeps its own history there, apart from the real one; check that it is a folder you may write to, or remove the file of that name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The folder {folder} cannot be created ({value}): ask IT to make it writable for you, or set FLXDESK_HOME to a folder you may write to.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PeriodChooser</name>
        <message>
            <source>Any time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dates…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First day of the period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First day to include, the whole day; year-month-day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last day of the period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last day to include, the whole day; year-month-day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This shift (last {hours} hours)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Which updates to include by when they were queued: {choices} (choose the first and last day)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>to</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Periods</name>
        <message>
            <source> (now)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The end of the period must come after its start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>last {hours} hours, {describe}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>today, {describe}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{start_text} to {end_text}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ResultBand</name>
        <message>
            <source>Last result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ready: scan an order.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Results</name>
        <message>
            <source> Flxpoint said: {server_text}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> No reason given.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the network connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not connect to Flxpoint to update order {order_id}: this computer seems to be offline. The update waits and is sent when the connection is back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not look up the address {host} to update order {order_id} (DNS). The network's name service is not answering, this computer is offline, or the API address in the settings is mistyped. The update waits and is sent when the name can be found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not reach Flxpoint to update order {order_id}. {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Flxpoint did not accept the API token (401). Check that it was copied whole and is still active. Account, Source and Channel tokens are different tokens: use one made for this Flxpoint account.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Flxpoint did not answer in time for order {order_id}. The update may or may not have been applied: check the order before sending it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Flxpoint gave an unexpected answer (HTTP {status_code}) for order {order_id}.{said}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Flxpoint had a problem on its side ({status_code}); order {order_id} was not updated. Try again in a few minutes.{said}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Flxpoint is limiting how fast this token may send (429). Too many updates were sent at once, possibly from another station using the same token.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Flxpoint refused the update of order {order_id} (400).{value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order {order_id} set to {status}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order {order_id} was not found in Flxpoint (404). Check the ID.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order {order_id} was not sent: the secure connection could not be verified, because this computer does not trust the server's certificate. Sending again cannot help until this is fixed. If your company inspects web traffic, IT must install its root certificate in the system.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The note is too long for Flxpoint (414); order {order_id} was not updated. Shorten the note and send the update again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This API token may not change order {order_id} (403). Ask your Flxpoint administrator for a token with access to it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Retry</name>
        <message>
            <source> (and {more} more).</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n update(s) queued again.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>A row without an order ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order {order_id}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order {order_id} was already set to {status} at {at}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no update {update_id} in the history.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it is being sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it is still waiting to be sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it was cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it was sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} not retried: {first}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{order} could never be sent ({message}); fix it and queue it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{order} is already being set to {status} by this retry.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{order} was already retried (update {value}); retry that one instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{order} was not retried: {value}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>"{name}" must be text in quotes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The settings file {path} cannot be used: {problem}. Correct it (JSON such as {example}), or remove it to use the default API address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it cannot be read ({value})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it is a folder, not a file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it is not UTF-8 text (byte 0x{value} at position {start})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it is not valid JSON ({msg}, line {lineno} column {colno})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it must hold one JSON object</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source> min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>0 keeps the armed status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>0 turns the guard off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A scan is at least</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back to default after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow the system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hold a repeated scan for</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys of a scan at most</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mute sounds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refuse scans until failures are acknowledged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send a held repeat if scanned again within</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Station &amp;default status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new language is used the next time flxdesk starts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Volume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>apart</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>armed at start and after idle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>characters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flxdesk settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>used from the next start</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShiftReport</name>
        <message>
            <source>... and {more} more (--csv lists all)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>API token refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connection failed, gave up after retries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not be sent (no ID, unknown status, duplicate row)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Flxpoint server error, gave up after retries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No answer in time, gave up after retries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No network, gave up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not allowed for this API token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order not found in Flxpoint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refused by Flxpoint (bad request)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too many requests, gave up after retries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unexpected answer or error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>asked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>by status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>failure reasons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>failures, oldest first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flxdesk shift summary: {period}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>per hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>total</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>updates: {total} ({counts})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShiftSummaryDialog</name>
        <message numerus="yes">
            <source>%n update(s): {counts}</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All failures listed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>By status, failure reasons, updates per hour and the failures, oldest first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close the shift summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One page to print</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result of saving</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the shift summary as CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the shift summary as PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved {file}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shift summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Totals of the period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Updates of a period by result and status, failures, per hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{file} cannot be written: {problem}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShiftSummaryPdf</name>
        <message numerus="yes">
            <source>%n update(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>... and {more} more failures: the CSV lists them all (flxdesk report --csv FILE).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>By status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failure reasons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failures, oldest first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Made {time}. Counts updates by when they were scanned or imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Period: {period}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Throughput per day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Throughput per hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>failures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flxdesk shift summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flxdesk shift summary: {period}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>green: sent; red: failed; the tallest bar is {most} per day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>green: sent; red: failed; the tallest bar is {most} per hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>updates</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set it aside and start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Something went wrong: {error}.

Updates already queued are safe in the history. Details are in the log:
{log_file}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The history file that could not be read was kept as {kept} (nothing was deleted). flxdesk starts with a new, empty history. Give the old file to IT if its updates matter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flxdesk can set the file aside (rename it, next to where it is; nothing is deleted) and start a new, empty history. Updates that were queued in it are not sent; they stay in the old file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flxdesk cannot start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flxdesk: the history cannot be read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flxdesk: the old history was set aside</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flxdesk: unexpected error</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StationFeedback</name>
        <message>
            <source>(no ID)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today: {sent} sent · {failed} failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{order} → {status}: queued; {why}, sent when it can be.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{order} → {status}: sending…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>Canceled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No Shipping Method</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not Managed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On Hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StorageFaults</name>
        <message>
            <source> ({detail})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The disk holding the history file {path} is full: free some space on it (empty the recycle bin, delete large files you do not need).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The disk reported an error while reading or writing the history file {path}: ask IT to check the disk; do not delete the file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The history file {path} cannot be used{reason}: check that the folder {parent} exists and that you may write to it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The history file {path} cannot be written, because it or its folder {parent} is read-only: ask IT to make the folder writable for you, or set FLXDESK_HOME to a folder you may write to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The history file {path} is locked by another program (a backup or antivirus tool, or another copy of flxdesk): close that program or wait until it is done.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The history file {path} is not a flxdesk history (it is damaged, or another program wrote over it): set it aside (rename or move it) to start a new history, or restore it from a backup.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StoreSchema</name>
        <message>
            <source>The history file {path} was written by a newer flxdesk (history version {version}); this flxdesk reads history versions up to {schema_version}. Install the newer flxdesk again. The file was not changed.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TextDecoding</name>
        <message>
            <source>line {line_of} has a byte (0x{value}) that is neither UTF-8 nor Windows text. Save it again from the spreadsheet as "CSV UTF-8" and import that.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line {line_of} has a byte (0x{value}) that is not UTF-8, while other parts of the file are UTF-8: the file mixes two text encodings. Save it again from the spreadsheet as "CSV UTF-8" and import that.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TokenDialog</name>
        <message>
            <source>API token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Flxpoint API token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste the API token from Flxpoint (Integrations → API). flxdesk keeps it in this computer's keychain (Windows Credential Manager, macOS Keychain), never in a file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste the API token from Flxpoint. It will be kept in memory only until flxdesk closes; you will be asked again next time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show token</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TokenPrompts</name>
        <message>
            <source>Forget token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keychain not available</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the saved API token from this computer's keychain? Updates will wait until a token is set again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use for this session only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flxdesk never saves the token in a file. It can keep the token in memory for this session only; you will be asked again the next time it starts.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
