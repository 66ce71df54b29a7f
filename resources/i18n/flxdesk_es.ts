<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>AccountCheck</name>
        <message>
            <source>Flxpoint accepts it: an Account token.</source>
            <translation>Flxpoint lo acepta: un token de cuenta (Account).</translation>
        </message>
        <message>
            <source>Flxpoint answered {code}{text}: this says nothing about the token. Try again later.</source>
            <translation>Flxpoint respondió {code}{text}: esto no dice nada del token. Inténtelo más tarde.</translation>
        </message>
        <message>
            <source>Flxpoint could not be reached ({detail}): the token was not checked. Check the network, then try again.</source>
            <translation>No se pudo contactar con Flxpoint ({detail}): el token no se comprobó. Revise la red e inténtelo de nuevo.</translation>
        </message>
        <message>
            <source>Flxpoint knows it: a Source or Channel token. Update Order Status accepts it.</source>
            <translation>Flxpoint lo reconoce: un token de origen o de canal (Source o Channel). Update Order Status lo acepta.</translation>
        </message>
        <message>
            <source>Flxpoint refused the token (401): it is wrong, revoked, or made for another account. Copy it again from Flxpoint (Integrations → API) and set it again.</source>
            <translation>Flxpoint rechazó el token (401): es incorrecto, fue revocado o es de otra cuenta. Cópielo de nuevo en Flxpoint (Integrations → API) y vuelva a guardarlo.</translation>
        </message>
    </context>
    <context>
        <name>ApiClient</name>
        <message>
            <source>No complete answer within {seconds} s; the request was ended.</source>
            <translation>Sin respuesta completa en {seconds} s; se cortó la petición.</translation>
        </message>
        <message>
            <source>The proxy server refused or failed the connection. Check the proxy settings, or ask IT whether the proxy is working.</source>
            <translation>El servidor proxy rechazó o cortó la conexión. Revise la configuración del proxy o pregunte a TI si funciona.</translation>
        </message>
        <message>
            <source>The secure (TLS) connection failed. If this keeps happening, ask IT to check the network's proxy or firewall.</source>
            <translation>Falló la conexión segura (TLS). Si se repite, pida a TI que revise el proxy o el cortafuegos de la red.</translation>
        </message>
    </context>
    <context>
        <name>Approval</name>
        <message>
            <source>Unknown badge {badge}: {status} was not armed.</source>
            <translation>Gafete desconocido {badge}: no se activó {status}.</translation>
        </message>
        <message>
            <source>Wrong PIN for {name}: {status} was not armed.</source>
            <translation>PIN incorrecto de {name}: no se activó {status}.</translation>
        </message>
        <message>
            <source>{name} is not a supervisor: {status} needs a supervisor's badge.</source>
            <translation>{name} no es supervisor: {status} necesita el gafete de un supervisor.</translation>
        </message>
        <message>
            <source>{name}: type your PIN to approve {status}.</source>
            <translation>{name}: escriba su PIN para aprobar {status}.</translation>
        </message>
        <message>
            <source>{status} armed, approved by {name}.</source>
            <translation>{status} activado, aprobado por {name}.</translation>
        </message>
    </context>
    <context>
        <name>ArmedStatus</name>
        <message>
            <source>Arm {status}?</source>
            <translation>¿Activar {status}?</translation>
        </message>
        <message>
            <source>Armed: {status}.</source>
            <translation>Activo: {status}.</translation>
        </message>
        <message>
            <source>Every order scanned from now on will be set to {status}.</source>
            <translation>Cada pedido escaneado desde ahora pasará a {status}.</translation>
        </message>
        <message>
            <source>Scan the {code} code again to arm {status}.</source>
            <translation>Escanee otra vez el código {code} para activar {status}.</translation>
        </message>
        <message>
            <source>Yes, arm {status}</source>
            <translation>Sí, activar {status}</translation>
        </message>
        <message numerus="yes">
            <source>{status} cannot be undone from flxdesk. flxdesk goes back to {default} after %n minute(s) without a scan.</source>
            <translation>
                <numerusform>{status} no se puede deshacer desde flxdesk. flxdesk vuelve a {default} tras %n minuto sin escanear.</numerusform>
                <numerusform>{status} no se puede deshacer desde flxdesk. flxdesk vuelve a {default} tras %n minutos sin escanear.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ArmedStatusChip</name>
        <message>
            <source>Armed status</source>
            <translation>Estado activo</translation>
        </message>
    </context>
    <context>
        <name>BackgroundJob</name>
        <message>
            <source>Unexpected error: {error}. See the log.</source>
            <translation>Error inesperado: {error}. Vea el registro.</translation>
        </message>
    </context>
    <context>
        <name>BadgeCards</name>
        <message>
            <source>Badge {badge}</source>
            <translation>Gafete {badge}</translation>
        </message>
        <message>
            <source>Badge {badge}, supervisor</source>
            <translation>Gafete {badge}, supervisor</translation>
        </message>
        <message>
            <source>Scan your badge at any station to sign in. Keep it like a key: whoever scans it signs in as you.</source>
            <translation>Escanee su gafete en cualquier puesto para iniciar sesión. Guárdelo como una llave: quien lo escanee inicia sesión como usted.</translation>
        </message>
        <message>
            <source>flxdesk operator badges</source>
            <translation>Gafetes de operador de flxdesk</translation>
        </message>
        <message>
            <source>flxdesk operator badges, {page} of {pages}</source>
            <translation>Gafetes de operador de flxdesk, {page} de {pages}</translation>
        </message>
        <message>
            <source>the badge {badge} is too long to print on this paper at a width scanners read: print the badges on A4 or Letter, or give that operator a shorter badge</source>
            <translation>el gafete {badge} es demasiado largo para imprimirlo en este papel con un ancho que lean los escáneres: imprima los gafetes en A4 o Carta, o dé a ese operador un gafete más corto</translation>
        </message>
    </context>
    <context>
        <name>BadgeCommand</name>
        <message>
            <source>Nothing was written.</source>
            <translation>No se escribió nada.</translation>
        </message>
        <message>
            <source>cannot write {file}: {reason}</source>
            <translation>no se puede escribir {file}: {reason}</translation>
        </message>
        <message>
            <source>left out (the stations leave it out too): {problem}</source>
            <translation>omitido (los puestos también lo omiten): {problem}</translation>
        </message>
        <message>
            <source>no operators are set up: add them on the floor (flxdesk operator add) or in the machine settings file's "operators". Nothing was written.</source>
            <translation>no hay operadores configurados: agréguelos en la planta (flxdesk operator add) o en "operators" del archivo de ajustes del equipo. No se escribió nada.</translation>
        </message>
        <message>
            <source>the floor cannot be used ({why}): the badges are made from this computer's last copy of its operators.</source>
            <translation>no se puede usar la planta ({why}): los gafetes se hacen con la última copia de sus operadores que guarda este equipo.</translation>
        </message>
        <message>
            <source>the floor's operators</source>
            <translation>los operadores de la planta</translation>
        </message>
        <message>
            <source>the settings' operators</source>
            <translation>los operadores de los ajustes</translation>
        </message>
        <message>
            <source>this flxdesk cannot write PDF files.</source>
            <translation>este flxdesk no puede escribir archivos PDF.</translation>
        </message>
        <message>
            <source>wrote {count} badge card(s) to {file}, from {source}.</source>
            <translation>se escribieron {count} gafete(s) en {file}, con {source}.</translation>
        </message>
    </context>
    <context>
        <name>Badges</name>
        <message>
            <source>the badge "{badge}" has characters a barcode cannot carry (use A-Z, 0-9, -)</source>
            <translation>el gafete "{badge}" tiene caracteres que un código de barras no puede llevar (use A-Z, 0-9, -)</translation>
        </message>
        <message>
            <source>the badge "{badge}" has spaces</source>
            <translation>el gafete "{badge}" tiene espacios</translation>
        </message>
        <message>
            <source>the badge "{badge}" is longer than {most} characters</source>
            <translation>el gafete "{badge}" tiene más de {most} caracteres</translation>
        </message>
        <message>
            <source>the badge is empty</source>
            <translation>el gafete está vacío</translation>
        </message>
        <message>
            <source>the badge must be text in quotes (a number would lose its leading zeros)</source>
            <translation>el gafete debe ser texto entre comillas (un número perdería sus ceros a la izquierda)</translation>
        </message>
    </context>
    <context>
        <name>BatchPanel</name>
        <message>
            <source>, {cancelled} cancelled</source>
            <translation>, {cancelled} anulados</translation>
        </message>
        <message>
            <source>Bulk progress</source>
            <translation>Avance del lote</translation>
        </message>
        <message>
            <source>Bulk run finished: {summary}.</source>
            <translation>Lote terminado: {summary}.</translation>
        </message>
        <message>
            <source>Cancel rest</source>
            <translation>Anular el resto</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>Close the finished bulk run's panel</source>
            <translation>Cerrar el panel del lote terminado</translation>
        </message>
        <message>
            <source>Export results</source>
            <translation>Exportar resultados</translation>
        </message>
        <message>
            <source>Export results…</source>
            <translation>Exportar resultados…</translation>
        </message>
        <message>
            <source>Not cancelled</source>
            <translation>No se anuló</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pausar</translation>
        </message>
        <message numerus="yes">
            <source>Queueing %Ln row(s): writing them to the history ({percent}%)…</source>
            <translation>
                <numerusform>Poniendo en cola %Ln fila: guardándola en el historial ({percent}%)…</numerusform>
                <numerusform>Poniendo en cola %Ln filas: guardándolas en el historial ({percent}%)…</numerusform>
            </translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Seguir</translation>
        </message>
        <message>
            <source>about {time} left</source>
            <translation>faltan unos {time}</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>en pausa</translation>
        </message>
        <message>
            <source>waiting for Flxpoint</source>
            <translation>esperando a Flxpoint</translation>
        </message>
        <message>
            <source>waiting for an API token</source>
            <translation>esperando un token de API</translation>
        </message>
        <message>
            <source>waiting for the connection</source>
            <translation>esperando la conexión</translation>
        </message>
        <message>
            <source>waiting for the history file</source>
            <translation>esperando el archivo del historial</translation>
        </message>
        <message>
            <source>{done} of {total} done ({summary}), {waiting} waiting, {left}</source>
            <translation>{done} de {total} hechos ({summary}), {waiting} en espera, {left}</translation>
        </message>
        <message>
            <source>{h} h {m} min</source>
            <translation>{h} h {m} min</translation>
        </message>
        <message>
            <source>{m} min {s} s</source>
            <translation>{m} min {s} s</translation>
        </message>
        <message>
            <source>{sent} sent, {failed} failed</source>
            <translation>{sent} enviados, {failed} fallidos</translation>
        </message>
        <message>
            <source>{s} s</source>
            <translation>{s} s</translation>
        </message>
    </context>
    <context>
        <name>BulkDialog</name>
        <message>
            <source>&amp;Import file…</source>
            <translation>&amp;Importar archivo…</translation>
        </message>
        <message>
            <source>(imported from {file})</source>
            <translation>(importado de {file})</translation>
        </message>
        <message>
            <source>, {problems} with a problem (not sent; kept in the history with why)</source>
            <translation>, {problems} con un problema (no se envían; quedan en el historial con el motivo)</translation>
        </message>
        <message>
            <source>; {blank} blank lines skipped</source>
            <translation>; {blank} líneas vacías saltadas</translation>
        </message>
        <message>
            <source>Bulk update</source>
            <translation>Actualización por lote</translation>
        </message>
        <message>
            <source>CSV or TSV files (*.csv *.tsv *.txt);;All files (*)</source>
            <translation>Archivos CSV o TSV (*.csv *.tsv *.txt);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Import orders</source>
            <translation>Importar pedidos</translation>
        </message>
        <message>
            <source>Note for rows without one</source>
            <translation>Nota para filas sin nota</translation>
        </message>
        <message>
            <source>Note for rows without one:</source>
            <translation>Nota para filas sin nota:</translation>
        </message>
        <message>
            <source>Order IDs, one per line</source>
            <translation>ID de pedido, uno por línea</translation>
        </message>
        <message>
            <source>Paste or scan order IDs, one per line, or import a CSV/TSV file (order ID, then optional status and note; a header row such as order_id,status,note is fine).</source>
            <translation>Pegue o escanee ID de pedido, uno por línea, o importe un archivo CSV/TSV (ID de pedido y, si quiere, estado y nota; puede llevar una fila de títulos como order_id,status,note).</translation>
        </message>
        <message>
            <source>Preview: every row and its check</source>
            <translation>Vista previa: cada fila y su revisión</translation>
        </message>
        <message numerus="yes">
            <source>Queue %n update(s)</source>
            <translation>
                <numerusform>Poner en cola %n actualización</numerusform>
                <numerusform>Poner en cola %n actualizaciones</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Queue the %n update(s) shown anyway</source>
            <translation>
                <numerusform>Poner en cola igualmente la %n actualización mostrada</numerusform>
                <numerusform>Poner en cola igualmente las %n actualizaciones mostradas</numerusform>
            </translation>
        </message>
        <message>
            <source>Queue updates</source>
            <translation>Poner en cola</translation>
        </message>
        <message>
            <source>Reading and checking the rows</source>
            <translation>Leyendo y revisando las filas</translation>
        </message>
        <message>
            <source>Reading {file}…</source>
            <translation>Leyendo {file}…</translation>
        </message>
        <message>
            <source>Status for rows without one</source>
            <translation>Estado para filas sin estado</translation>
        </message>
        <message>
            <source>Status for rows without one:</source>
            <translation>Estado para filas sin estado:</translation>
        </message>
        <message>
            <source>{file} has changed since it was read at {time}. The preview shows the file as it was then, and only those rows are queued: press the button again to queue them, or import the file again to see what it holds now.</source>
            <translation>{file} cambió después de leerlo a las {time}. La vista previa muestra el archivo como era entonces y solo esas filas se ponen en cola: pulse el botón otra vez para ponerlas en cola, o importe el archivo de nuevo para ver lo que tiene ahora.</translation>
        </message>
        <message>
            <source>{rows} rows: {ready} ready</source>
            <translation>{rows} filas: {ready} listas</translation>
        </message>
    </context>
    <context>
        <name>BulkFlow</name>
        <message>
            <source> and </source>
            <translation> y </translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) to {status}</source>
            <translation>
                <numerusform>%n pedido a {status}</numerusform>
                <numerusform>%n pedidos a {status}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) in all. This cannot be undone from flxdesk.</source>
            <translation>
                <numerusform>%n fila en total. No se puede deshacer desde flxdesk.</numerusform>
                <numerusform>%n filas en total. No se puede deshacer desde flxdesk.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>; %n row(s) with a problem kept in the history as failed</source>
            <translation>
                <numerusform>; %n fila con problema queda en el historial como fallida</numerusform>
                <numerusform>; %n filas con problema quedan en el historial como fallidas</numerusform>
            </translation>
        </message>
        <message>
            <source>Bulk update not queued.</source>
            <translation>El lote no se puso en cola.</translation>
        </message>
        <message>
            <source>Confirm bulk update</source>
            <translation>Confirmar el lote</translation>
        </message>
        <message>
            <source>Not queued: a bulk update is still being written to the history. Queue this one when it is done.</source>
            <translation>No se puso en cola: todavía se está guardando un lote en el historial. Póngalo en cola cuando termine.</translation>
        </message>
        <message numerus="yes">
            <source>Queued %n update(s)</source>
            <translation>
                <numerusform>%n actualización en cola</numerusform>
                <numerusform>%n actualizaciones en cola</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Queueing %Ln row(s)…</source>
            <translation>
                <numerusform>Poniendo en cola %Ln fila…</numerusform>
                <numerusform>Poniendo en cola %Ln filas…</numerusform>
            </translation>
        </message>
        <message>
            <source>Scan your badge first: the bulk update was not queued.</source>
            <translation>Escanee primero su gafete: la actualización por lote no se puso en cola.</translation>
        </message>
        <message>
            <source>Set {what}?</source>
            <translation>¿Poner {what}?</translation>
        </message>
    </context>
    <context>
        <name>BulkImport</name>
        <message>
            <source>Duplicate: order {order_id} is already on line {value}.</source>
            <translation>Repetido: el pedido {order_id} ya está en la línea {value}.</translation>
        </message>
        <message>
            <source>Line {line}</source>
            <translation>Línea {line}</translation>
        </message>
        <message>
            <source>No status: choose one, or add a status column.</source>
            <translation>Sin estado: elija uno o añada una columna de estado.</translation>
        </message>
        <message>
            <source>There is no file {path}.</source>
            <translation>No existe el archivo {path}.</translation>
        </message>
        <message>
            <source>Unknown status {chosen}: use one of {allowed}.</source>
            <translation>Estado desconocido {chosen}: use uno de {allowed}.</translation>
        </message>
        <message>
            <source>{name} is not a text file (an Excel workbook?). Save it as CSV (comma or semicolon separated) and import that.</source>
            <translation>{name} no es un archivo de texto (¿un libro de Excel?). Guárdelo como CSV (separado por comas o por punto y coma) e importe ese.</translation>
        </message>
        <message>
            <source>{name} is {value} MB; files up to {value2} MB can be imported.</source>
            <translation>{name} tiene {value} MB; se pueden importar archivos de hasta {value2} MB.</translation>
        </message>
        <message>
            <source>{path} cannot be read: {value}.</source>
            <translation>No se puede leer {path}: {value}.</translation>
        </message>
        <message>
            <source>{path} is a folder, not a file.</source>
            <translation>{path} es una carpeta, no un archivo.</translation>
        </message>
        <message>
            <source>{source} line {line}</source>
            <translation>{source} línea {line}</translation>
        </message>
        <message>
            <source>{where} cannot be read as CSV: {error}.</source>
            <translation>{where} no se puede leer como CSV: {error}.</translation>
        </message>
        <message>
            <source>{where}: a field is longer than {field_size_limit} characters, more than any order ID, status or note. Is a quote (") left open on that line?</source>
            <translation>{where}: un campo tiene más de {field_size_limit} caracteres, más que cualquier ID, estado o nota. ¿Quedó abierta una comilla (") en esa línea?</translation>
        </message>
    </context>
    <context>
        <name>CommandCodes</name>
        <message>
            <source>Acknowledge failures</source>
            <translation>Confirmar fallos</translation>
        </message>
        <message>
            <source>Clear the note</source>
            <translation>Borrar la nota</translation>
        </message>
        <message>
            <source>Scanner check</source>
            <translation>Prueba del escáner</translation>
        </message>
        <message>
            <source>Set status: {status}</source>
            <translation>Poner estado: {status}</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Cerrar sesión</translation>
        </message>
    </context>
    <context>
        <name>CommandSheet</name>
        <message>
            <source>4x6 in labels (label printer)</source>
            <translation>Etiquetas de 4x6 pulgadas (impresora de etiquetas)</translation>
        </message>
        <message>
            <source>A4 sheet</source>
            <translation>Hoja A4</translation>
        </message>
        <message>
            <source>Letter sheet</source>
            <translation>Hoja Carta</translation>
        </message>
        <message>
            <source>Scan one to change the station. Commands are never sent to Flxpoint.</source>
            <translation>Escanee uno para cambiar el puesto. Los comandos nunca se envían a Flxpoint.</translation>
        </message>
        <message>
            <source>flxdesk command barcodes</source>
            <translation>Códigos de comando de flxdesk</translation>
        </message>
        <message>
            <source>flxdesk command barcodes, {page} of {pages}</source>
            <translation>Códigos de comando de flxdesk, {page} de {pages}</translation>
        </message>
    </context>
    <context>
        <name>CommandSheetSaving</name>
        <message>
            <source>Command barcodes saved to {path}: print and pin it up.</source>
            <translation>Códigos de comando guardados en {path}: imprímalos y cuélguelos.</translation>
        </message>
        <message>
            <source>Could not write {path}: {problem}</source>
            <translation>No se pudo escribir {path}: {problem}</translation>
        </message>
        <message>
            <source>Save the command barcodes</source>
            <translation>Guardar los códigos de comando</translation>
        </message>
    </context>
    <context>
        <name>CrashNotice</name>
        <message>
            <source>Dismiss</source>
            <translation>Cerrar aviso</translation>
        </message>
        <message>
            <source>Notice about the previous run</source>
            <translation>Aviso sobre la última vez</translation>
        </message>
    </context>
    <context>
        <name>CrashRecord</name>
        <message>
            <source>The previous run of flxdesk did not close normally (it was ended, or the computer lost power)</source>
            <translation>flxdesk no se cerró bien la última vez (lo cerraron a la fuerza o se fue la luz)</translation>
        </message>
        <message>
            <source>The previous run of flxdesk ended abnormally</source>
            <translation>flxdesk terminó con un fallo la última vez</translation>
        </message>
        <message>
            <source>{how}. Updates that were queued are safe: each is saved before it is sent, and what was still waiting is sent now. Details for IT: {report}</source>
            <translation>{how}. Las actualizaciones en cola están a salvo: cada una se guarda antes de enviarla, y lo que faltaba se envía ahora. Datos para TI: {report}</translation>
        </message>
    </context>
    <context>
        <name>Credentials</name>
        <message>
            <source>No system keychain is available on this computer (on Linux, a Secret Service such as GNOME Keyring or KWallet must be running).</source>
            <translation>Este equipo no tiene llavero del sistema (en Linux debe estar en marcha un Secret Service como GNOME Keyring o KWallet).</translation>
        </message>
        <message>
            <source>The system keychain could not be opened. It may be locked.</source>
            <translation>No se pudo abrir el llavero del sistema. Puede estar bloqueado.</translation>
        </message>
        <message>
            <source>The system keychain reported a problem ({error}).</source>
            <translation>El llavero del sistema dio un problema ({error}).</translation>
        </message>
        <message>
            <source>The token contains spaces, line breaks or unusual characters. Copy it again from Flxpoint.</source>
            <translation>El token tiene espacios, saltos de línea o caracteres raros. Cópielo otra vez de Flxpoint.</translation>
        </message>
        <message>
            <source>The token is empty. Paste the API token from Flxpoint.</source>
            <translation>El token está vacío. Pegue el token de API de Flxpoint.</translation>
        </message>
        <message>
            <source>The token is {len} characters long; an API token has {min_token_length} to {max_token_length}. Copy it again from Flxpoint, whole.</source>
            <translation>El token tiene {len} caracteres; un token de API tiene de {min_token_length} a {max_token_length}. Cópielo otra vez de Flxpoint, entero.</translation>
        </message>
        <message>
            <source>Windows Credential Manager cannot be used in this session (Windows error 1312: no logon session). This happens in a scheduled task set to run whether the user is logged on or not, over SSH, or when the Credential Manager service is stopped.</source>
            <translation>No se puede usar el Administrador de credenciales de Windows en esta sesión (error de Windows 1312: no hay sesión de inicio). Ocurre en una tarea programada para ejecutarse aunque el usuario no haya iniciado sesión, por SSH o con el servicio Administrador de credenciales detenido.</translation>
        </message>
        <message>
            <source>Windows Credential Manager reported a problem (Windows error {code}).</source>
            <translation>El Administrador de credenciales de Windows informó de un problema (error de Windows {code}).</translation>
        </message>
        <message>
            <source>{problem} Set it again in the flxdesk window: Token → Set or replace token…</source>
            <translation>{problem} Póngalo otra vez en la ventana de flxdesk: Token → Poner o cambiar token…</translation>
        </message>
        <message>
            <source>{source} cannot be used. {problem}</source>
            <translation>{source} no se puede usar. {problem}</translation>
        </message>
    </context>
    <context>
        <name>DemoBanner</name>
        <message>
            <source>DEMO MODE: a stand-in API on this computer. Orders 1000-1999 exist; nothing is sent to Flxpoint.</source>
            <translation>MODO DEMO: una API de prueba en este equipo. Existen los pedidos 1000-1999; no se envía nada a Flxpoint.</translation>
        </message>
    </context>
    <context>
        <name>Destination</name>
        <message numerus="yes">
            <source>%n updates were</source>
            <translation>
                <numerusform>%n actualización se puso</numerusform>
                <numerusform>%n actualizaciones se pusieron</numerusform>
            </translation>
        </message>
        <message>
            <source>1 update was</source>
            <translation>1 actualización se puso</translation>
        </message>
        <message>
            <source>Discarded by the person: it was queued for {describe_url}, not for {describe_url2}.</source>
            <translation>Descartada por la persona: estaba en cola para {describe_url}, no para {describe_url2}.</translation>
        </message>
        <message>
            <source>Discarded by the person: it was queued under a different API token.</source>
            <translation>Descartada por la persona: estaba en cola con otro token de API.</translation>
        </message>
        <message>
            <source>an unrecorded destination</source>
            <translation>un destino no anotado</translation>
        </message>
        <message>
            <source>the built-in demo API</source>
            <translation>la API de demostración integrada</translation>
        </message>
        <message>
            <source>{updates} queued before flxdesk recorded where each update goes (by an older version, perhaps in the demo); they are held. flxdesk now sends to {now}.</source>
            <translation>{updates} en cola antes de que flxdesk anotara a dónde va cada actualización (una versión anterior, quizá en la demo); están retenidas. flxdesk envía ahora a {now}.</translation>
        </message>
        <message>
            <source>{updates} queued for {describe_url}; they are held. flxdesk now sends to {now}.</source>
            <translation>{updates} en cola para {describe_url}; están retenidas. flxdesk envía ahora a {now}.</translation>
        </message>
        <message>
            <source>{updates} queued under a different API token; they are held.</source>
            <translation>{updates} en cola con otro token de API; están retenidas.</translation>
        </message>
    </context>
    <context>
        <name>Endpoint</name>
        <message>
            <source>The API address {url} is not a web address (https://...).</source>
            <translation>La dirección de la API {url} no es una dirección web (https://...).</translation>
        </message>
        <message>
            <source>The API address {url} must not contain a query, fragment or login.</source>
            <translation>La dirección de la API {url} no debe llevar consulta, fragmento ni usuario.</translation>
        </message>
        <message>
            <source>The API address {url} uses plain http. Only https is allowed, so that the API token is never sent unencrypted.</source>
            <translation>La dirección de la API {url} usa http sin cifrar. Solo se permite https, para que el token de API nunca viaje sin cifrar.</translation>
        </message>
    </context>
    <context>
        <name>EngineThread</name>
        <message>
            <source>an internal error ({error}; details are in the log)</source>
            <translation>un error interno ({error}; los datos están en el registro)</translation>
        </message>
        <message>
            <source>it ended without an error</source>
            <translation>terminó sin error</translation>
        </message>
    </context>
    <context>
        <name>EngineWatch</name>
        <message>
            <source>Not taken: sending has stopped. Press Restart sending (bottom right) first; everything already queued is kept.</source>
            <translation>No se tomó: el envío se paró. Pulse antes Reanudar envío (abajo a la derecha); todo lo que está en cola se guarda.</translation>
        </message>
        <message>
            <source>Restart sending</source>
            <translation>Reanudar envío</translation>
        </message>
        <message>
            <source>Restart sending updates</source>
            <translation>Reanudar el envío de actualizaciones</translation>
        </message>
        <message>
            <source>Sending has stopped unexpectedly ({reason}). New scans are not taken until it runs again: press Restart sending. Updates already queued are kept.</source>
            <translation>El envío se paró de repente ({reason}). No se toman escaneos nuevos hasta que vuelva a funcionar: pulse Reanudar envío. Las actualizaciones en cola se guardan.</translation>
        </message>
        <message numerus="yes">
            <source>Sending is held (%n waiting) and resumes by itself.</source>
            <translation>
                <numerusform>El envío está retenido (%n en espera) y sigue solo.</numerusform>
                <numerusform>El envío está retenido (%n en espera) y sigue solo.</numerusform>
            </translation>
        </message>
        <message>
            <source>Sending runs again.</source>
            <translation>El envío funciona de nuevo.</translation>
        </message>
        <message>
            <source>The history can be written again; sending goes on.</source>
            <translation>El historial se puede escribir otra vez; el envío sigue.</translation>
        </message>
        <message>
            <source>flxdesk: sending is held</source>
            <translation>flxdesk: envío retenido</translation>
        </message>
        <message>
            <source>now</source>
            <translation>ahora</translation>
        </message>
    </context>
    <context>
        <name>FailurePanel</name>
        <message numerus="yes">
            <source>%n update(s) failed: check these orders, then acknowledge.</source>
            <translation>
                <numerusform>%n actualización falló: revise estos pedidos y luego confirme.</numerusform>
                <numerusform>%n actualizaciones fallaron: revise estos pedidos y luego confirme.</numerusform>
            </translation>
        </message>
        <message>
            <source>Acknowledge (Esc)</source>
            <translation>Confirmar (Esc)</translation>
        </message>
        <message>
            <source>Failed orders and why</source>
            <translation>Pedidos fallidos y motivo</translation>
        </message>
        <message>
            <source>Failures not yet acknowledged</source>
            <translation>Fallos sin confirmar</translation>
        </message>
    </context>
    <context>
        <name>FileChoice</name>
        <message>
            <source>{kind} files</source>
            <translation>Archivos {kind}</translation>
        </message>
    </context>
    <context>
        <name>Floor</name>
        <message>
            <source>Floor not reachable since {since}: this station is pacing alone</source>
            <translation>Sin conexión con la planta desde las {since}: esta estación marca su propio ritmo</translation>
        </message>
        <message>
            <source>Floor reachable: this station paces with the others.</source>
            <translation>Planta conectada: esta estación va al ritmo de las demás.</translation>
        </message>
        <message>
            <source>The floor's answer is not believable: pacing alone since {since}</source>
            <translation>La respuesta del piso no es creíble: a su propio ritmo desde las {since}</translation>
        </message>
        <message>
            <source>it answers too slowly ({seconds} s to connect)</source>
            <translation>responde demasiado despacio ({seconds} s para conectar)</translation>
        </message>
        <message>
            <source>the floor holds the station name {station} for another login: this station's updates wait to be published; ask IT</source>
            <translation>el piso reserva el nombre de estación {station} a otro usuario: las actualizaciones de esta estación esperan para publicarse; consulte a TI</translation>
        </message>
    </context>
    <context>
        <name>FloorAddress</name>
        <message>
            <source> (a % not followed by two hex digits)</source>
            <translation> (un % sin dos dígitos hexadecimales detrás)</translation>
        </message>
        <message>
            <source>The floor address in {source} asks for sslmode={mode}: TLS not verified (the server's certificate and name are not checked). Use sslmode=verify-full, or IT sets "floor_tls": "unverified" in this computer's settings file.</source>
            <translation>La dirección del piso de {source} pide sslmode={mode}: TLS no verificado (no se comprueban el certificado ni el nombre del servidor). Use sslmode=verify-full, o TI pone "floor_tls": "unverified" en el archivo de ajustes de este equipo.</translation>
        </message>
        <message>
            <source>The floor address in {source} cannot be used: its port is not a number from 1 to 65535.</source>
            <translation>No se puede usar la dirección del piso de {source}: su puerto no es un número de 1 a 65535.</translation>
        </message>
        <message>
            <source>The floor address in {source} cannot be used: its sslmode is not one libpq knows (verify-full, the safe one).</source>
            <translation>No se puede usar la dirección del piso de {source}: libpq no conoce su sslmode (verify-full es el seguro).</translation>
        </message>
        <message>
            <source>The floor address in {source} cannot be used: {part} is not valid. Give a PostgreSQL URI such as postgresql://flxdesk_station@server:5432/flxdesk.</source>
            <translation>No se puede usar la dirección del piso de {source}: {part} no es válido. Indique una URI de PostgreSQL como postgresql://flxdesk_station@server:5432/flxdesk.</translation>
        </message>
        <message>
            <source>The floor address in {source} holds a password: remove it from there. 'flxdesk floor login' keeps the password in this computer's keychain.</source>
            <translation>La dirección de la planta en {source} contiene una contraseña: quítela de ahí. 'flxdesk floor login' guarda la contraseña en el llavero de este equipo.</translation>
        </message>
        <message>
            <source>The floor address in {source} names no server: give one, as in postgresql://flxdesk_station@server:5432/flxdesk.</source>
            <translation>La dirección de la planta en {source} no indica ningún servidor: indique uno, como en postgresql://flxdesk_station@server:5432/flxdesk.</translation>
        </message>
        <message>
            <source>its database name</source>
            <translation>su nombre de base de datos</translation>
        </message>
        <message>
            <source>its form</source>
            <translation>su forma</translation>
        </message>
        <message>
            <source>its parameters (after ?)</source>
            <translation>sus parámetros (tras ?)</translation>
        </message>
        <message>
            <source>its server part</source>
            <translation>su parte de servidor</translation>
        </message>
        <message>
            <source>its user and password part</source>
            <translation>su parte de usuario y contraseña</translation>
        </message>
        <message>
            <source>the floor at {where} did not ask for a scram-sha-256 password: ask IT for a 'hostssl ... scram-sha-256' line in pg_hba.conf (README, 'The floor')</source>
            <translation>el piso de {where} no pidió una contraseña scram-sha-256: pida a TI una línea 'hostssl ... scram-sha-256' en pg_hba.conf (README, 'The floor')</translation>
        </message>
        <message>
            <source>the floor at {where} does not answer (no connection)</source>
            <translation>el piso de {where} no responde (sin conexión)</translation>
        </message>
        <message>
            <source>the floor at {where} does not answer (timed out)</source>
            <translation>el piso de {where} no responde (tiempo agotado)</translation>
        </message>
        <message>
            <source>the floor at {where} failed ({code})</source>
            <translation>el piso de {where} falló ({code})</translation>
        </message>
        <message>
            <source>the floor database of {where} does not exist: ask IT</source>
            <translation>la base de datos de la planta {where} no existe: consulte a informática</translation>
        </message>
        <message>
            <source>the floor has no login {user}: ask IT (README, 'The floor')</source>
            <translation>el piso no tiene el usuario {user}: consulte a TI (README, 'The floor')</translation>
        </message>
        <message>
            <source>the floor refused the password of {where}: run 'flxdesk floor login' with the right one</source>
            <translation>la planta rechazó la contraseña de {where}: ejecute 'flxdesk floor login' con la correcta</translation>
        </message>
        <message>
            <source>the floor's TLS connection to {where} failed (its certificate is not trusted, or it offers no TLS): ask IT which certificate to trust</source>
            <translation>falló la conexión TLS del piso con {where} (su certificado no es de confianza, o no ofrece TLS): pregunte a TI qué certificado aceptar</translation>
        </message>
        <message>
            <source>the floor's TLS connection to {where} failed: its certificate names another server: ask IT</source>
            <translation>falló la conexión TLS del piso con {where}: su certificado nombra otro servidor: consulte a TI</translation>
        </message>
        <message>
            <source>the floor's login {user} may not do this: ask IT to grant the station role's privileges (README, 'The floor')</source>
            <translation>el usuario del piso {user} no puede hacer esto: pida a TI que conceda los privilegios del rol de estación (README, 'The floor')</translation>
        </message>
    </context>
    <context>
        <name>FloorDuplicates</name>
        <message>
            <source>set to {status} at {station}, {time}</source>
            <translation>puesto en {status} en {station}, {time}</translation>
        </message>
    </context>
    <context>
        <name>FloorLogin</name>
        <message>
            <source>the floor login {login} is a superuser: give this station a login of its own in flxdesk_station (README, 'The floor')</source>
            <translation>el usuario del piso {login} es un superusuario: dé a esta estación un usuario propio en flxdesk_station (README, 'The floor')</translation>
        </message>
        <message>
            <source>the floor login {login} is shared with the station(s) {names}: unsafe, they can write as each other; one login per station</source>
            <translation>el usuario del piso {login} se comparte con la(s) estación(es) {names}: inseguro, pueden escribir unas en nombre de otras; un usuario por estación</translation>
        </message>
        <message>
            <source>the floor login {login} may delete the floor's rows</source>
            <translation>el usuario del piso {login} puede borrar las filas del piso</translation>
        </message>
        <message>
            <source>the floor login {login} may write the floor's tables directly</source>
            <translation>el usuario del piso {login} puede escribir directamente en las tablas del piso</translation>
        </message>
        <message>
            <source>the floor login {login} owns the floor: give this station a login of its own in flxdesk_station (README, 'The floor')</source>
            <translation>el usuario del piso {login} es el dueño del piso: dé a esta estación un usuario propio en flxdesk_station (README, 'The floor')</translation>
        </message>
        <message>
            <source>the station name {station} belongs to another floor login: this station's updates are not published; ask IT</source>
            <translation>el nombre de estación {station} pertenece a otro usuario del piso: las actualizaciones de esta estación no se publican; consulte a TI</translation>
        </message>
    </context>
    <context>
        <name>FloorReport</name>
        <message>
            <source>failed</source>
            <translation>fallidos</translation>
        </message>
        <message>
            <source>flxdesk floor summary: {period}</source>
            <translation>resumen de la planta flxdesk: {period}</translation>
        </message>
        <message>
            <source>last seen</source>
            <translation>última vez visto</translation>
        </message>
        <message>
            <source>no station has reached the floor yet</source>
            <translation>ninguna estación se ha conectado aún a la planta</translation>
        </message>
        <message>
            <source>sent</source>
            <translation>enviados</translation>
        </message>
        <message>
            <source>signed in</source>
            <translation>sesión iniciada</translation>
        </message>
        <message>
            <source>station</source>
            <translation>estación</translation>
        </message>
        <message>
            <source>total</source>
            <translation>total</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>en espera</translation>
        </message>
        <message>
            <source>{period}, whole floor</source>
            <translation>{period}, toda la planta</translation>
        </message>
    </context>
    <context>
        <name>FloorSchema</name>
        <message>
            <source>Created the floor (floor version {version}).</source>
            <translation>Planta creada (versión de planta {version}).</translation>
        </message>
        <message>
            <source>Granted {role} its privileges on the floor.</source>
            <translation>Permisos de la planta concedidos a {role}.</translation>
        </message>
        <message>
            <source>Kept the {count} updates of floor version 1 in flxdesk.updates_v1: any station could have written them, so no report reads them.</source>
            <translation>Se guardaron las {count} actualizaciones de la versión 1 del piso en flxdesk.updates_v1: cualquier estación pudo escribirlas, así que ningún informe las lee.</translation>
        </message>
        <message>
            <source>No role {role}: create it (README, 'The floor') and run 'flxdesk floor init' again to grant it its privileges.</source>
            <translation>No existe el rol {role}: créelo (README, 'The floor') y vuelva a ejecutar 'flxdesk floor init' para darle sus permisos.</translation>
        </message>
        <message>
            <source>Stations now write only through the floor's functions, each as its own login.</source>
            <translation>Las estaciones ahora solo escriben mediante las funciones del piso, cada una con su propio usuario.</translation>
        </message>
        <message>
            <source>The floor database has no flxdesk floor yet: IT runs 'flxdesk floor init' once (README, 'The floor').</source>
            <translation>La base de datos de la planta aún no tiene la planta de flxdesk: informática ejecuta 'flxdesk floor init' una vez (README, 'The floor').</translation>
        </message>
        <message>
            <source>The floor database is at floor version {version}; this flxdesk needs version {known}: IT runs 'flxdesk floor init' from this flxdesk to upgrade it.</source>
            <translation>La base de datos de la planta está en la versión {version}; este flxdesk necesita la versión {known}: informática ejecuta 'flxdesk floor init' desde este flxdesk para actualizarla.</translation>
        </message>
        <message>
            <source>The floor database lacks its token key secret: IT runs 'flxdesk floor init' again.</source>
            <translation>A la base de datos de la planta le falta el secreto de las claves de token: informática vuelve a ejecutar 'flxdesk floor init'.</translation>
        </message>
        <message>
            <source>The floor database was set up by a newer flxdesk (floor version {version}, for stations of floor version {serves_from} and later); this flxdesk knows floor versions up to {known}. Install the newer flxdesk on this station.</source>
            <translation>La base de datos del piso la preparó un flxdesk más nuevo (versión de piso {version}, para estaciones de la versión de piso {serves_from} o posterior); este flxdesk conoce versiones de piso hasta la {known}. Instale el flxdesk más nuevo en esta estación.</translation>
        </message>
        <message>
            <source>The floor is at version {version} already: its tables were left as they are.</source>
            <translation>La planta ya está en la versión {version}: sus tablas quedan como estaban.</translation>
        </message>
        <message>
            <source>The floor now holds the operators of every station ('flxdesk operator add'), who asked for each update and who is signed in at each station.</source>
            <translation>La planta guarda ahora los operadores de todos los puestos ('flxdesk operator add'), quién pidió cada actualización y quién tiene la sesión iniciada en cada puesto.</translation>
        </message>
        <message>
            <source>The floor's functions are owned by a superuser: make the NOLOGIN role {role} (README, 'The floor') so that they run with no more rights than they need.</source>
            <translation>Las funciones del piso pertenecen a un superusuario: cree el rol NOLOGIN {role} (README, 'The floor') para que no tengan más derechos de los que necesitan.</translation>
        </message>
        <message>
            <source>Upgraded the floor from version {before} to {version}.</source>
            <translation>Planta actualizada de la versión {before} a la {version}.</translation>
        </message>
        <message>
            <source>Worked as {role}, which owns the floor.</source>
            <translation>Se trabajó como {role}, dueño del piso.</translation>
        </message>
    </context>
    <context>
        <name>FloorView</name>
        <message>
            <source>Asked</source>
            <translation>Pedidas</translation>
        </message>
        <message>
            <source>By operator, whole floor</source>
            <translation>Por operador, toda la planta</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>Every station of the floor and who is signed in there, today</source>
            <translation>Cada puesto de la planta y quién tiene la sesión iniciada allí, hoy</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fallidas</translation>
        </message>
        <message>
            <source>Floor</source>
            <translation>Planta</translation>
        </message>
        <message>
            <source>Last seen</source>
            <translation>Visto por última vez</translation>
        </message>
        <message>
            <source>Longest gap</source>
            <translation>Pausa más larga</translation>
        </message>
        <message>
            <source>No station has reached the floor yet.</source>
            <translation>Ningún puesto ha llegado aún a la planta.</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>Operador</translation>
        </message>
        <message>
            <source>Orders/h</source>
            <translation>Pedidos/h</translation>
        </message>
        <message>
            <source>Orders/h: different orders per hour signed in. Longest gap: the longest time between two of their updates.</source>
            <translation>Pedidos/h: pedidos distintos por hora con la sesión iniciada. Pausa más larga: el mayor tiempo entre dos de sus actualizaciones.</translation>
        </message>
        <message>
            <source>Read at {time}.</source>
            <translation>Leído a las {time}.</translation>
        </message>
        <message>
            <source>Reading the floor…</source>
            <translation>Leyendo la planta…</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Enviadas</translation>
        </message>
        <message>
            <source>Signed in</source>
            <translation>Sesión iniciada</translation>
        </message>
        <message>
            <source>Station</source>
            <translation>Puesto</translation>
        </message>
        <message>
            <source>Stations</source>
            <translation>Puestos</translation>
        </message>
        <message>
            <source>The floor does not answer ({why}): the figures are not new.</source>
            <translation>La planta no responde ({why}): las cifras no son nuevas.</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>En espera</translation>
        </message>
        <message>
            <source>{time} (not seen since)</source>
            <translation>{time} (sin noticias desde entonces)</translation>
        </message>
    </context>
    <context>
        <name>HeldPanel</name>
        <message>
            <source>Discard held updates</source>
            <translation>Descartar actualizaciones retenidas</translation>
        </message>
        <message numerus="yes">
            <source>Discard the %Ln update(s) held for {there}?</source>
            <translation>
                <numerusform>¿Descartar la %Ln actualización retenida para {there}?</numerusform>
                <numerusform>¿Descartar las %Ln actualizaciones retenidas para {there}?</numerusform>
            </translation>
        </message>
        <message>
            <source>Discard…</source>
            <translation>Descartar…</translation>
        </message>
        <message>
            <source>Nothing changed</source>
            <translation>No cambió nada</translation>
        </message>
        <message>
            <source>Send held updates elsewhere</source>
            <translation>Enviar las retenidas a otro destino</translation>
        </message>
        <message numerus="yes">
            <source>Send the %Ln update(s) queued for {there} to {here} instead?</source>
            <translation>
                <numerusform>¿Enviar a {here} la %Ln actualización en cola para {there}?</numerusform>
                <numerusform>¿Enviar a {here} las %Ln actualizaciones en cola para {there}?</numerusform>
            </translation>
        </message>
        <message>
            <source>Send them with the new token?</source>
            <translation>¿Enviarlas con el token nuevo?</translation>
        </message>
        <message>
            <source>Send to {url}…</source>
            <translation>Enviar a {url}…</translation>
        </message>
        <message>
            <source>Send with the new token</source>
            <translation>Enviar con el token nuevo</translation>
        </message>
        <message>
            <source>They are never sent. They stay in the history as cancelled, with the reason.</source>
            <translation>No se envían nunca. Quedan en el historial como anuladas, con el motivo.</translation>
        </message>
        <message>
            <source>They were meant for {there}. Send them to {here} only if it is the same Flxpoint account and these orders should change there.</source>
            <translation>Eran para {there}. Envíelas a {here} solo si es la misma cuenta de Flxpoint y estos pedidos deben cambiar allí.</translation>
        </message>
        <message>
            <source>Updates held for another destination</source>
            <translation>Actualizaciones retenidas para otro destino</translation>
        </message>
    </context>
    <context>
        <name>HistoryActions</name>
        <message>
            <source>Each is sent again as a new update that names the failed one. Left out: updates already retried, and orders set to the same status in the last minutes.</source>
            <translation>Cada una se envía de nuevo como una actualización nueva que nombra la fallida. Se dejan fuera: las ya reintentadas y los pedidos puestos en el mismo estado hace pocos minutos.</translation>
        </message>
        <message numerus="yes">
            <source>Queue the %Ln failed update(s) {where} again?</source>
            <translation>
                <numerusform>¿Poner otra vez en cola la %Ln actualización fallida {where}?</numerusform>
                <numerusform>¿Poner otra vez en cola las %Ln actualizaciones fallidas {where}?</numerusform>
            </translation>
        </message>
        <message>
            <source>Retry all failed</source>
            <translation>Reintentar todas las fallidas</translation>
        </message>
        <message>
            <source>{file} cannot be written: {problem}</source>
            <translation>No se puede escribir {file}: {problem}</translation>
        </message>
    </context>
    <context>
        <name>HistoryChange</name>
        <message>
            <source>{problem} Try again then.</source>
            <translation>{problem} Inténtelo de nuevo después.</translation>
        </message>
    </context>
    <context>
        <name>HistoryDetails</name>
        <message>
            <source>  ← this one</source>
            <translation>  ← esta</translation>
        </message>
        <message>
            <source>(no order ID)</source>
            <translation>(sin ID de pedido)</translation>
        </message>
        <message>
            <source>- (scanned or typed)</source>
            <translation>- (escaneada o escrita)</translation>
        </message>
        <message>
            <source>Approved by: {value}</source>
            <translation>Aprobado por: {value}</translation>
        </message>
        <message>
            <source>Attempts: {value}</source>
            <translation>Intentos: {value}</translation>
        </message>
        <message>
            <source>Batch: {value}</source>
            <translation>Lote: {value}</translation>
        </message>
        <message>
            <source>Detail: {value}</source>
            <translation>Detalle: {value}</translation>
        </message>
        <message>
            <source>Details of the selected update</source>
            <translation>Detalles de la actualización elegida</translation>
        </message>
        <message>
            <source>Finished: {value}</source>
            <translation>Terminada: {value}</translation>
        </message>
        <message>
            <source>HTTP code, the server's message, detail, times, the station, who asked for it and who approved it, attempts, batch, whether it was resent, and its retries</source>
            <translation>Código HTTP, el mensaje del servidor, detalle, horas, la estación, quién la pidió y quién la aprobó, intentos, lote, si se reenvió y sus reintentos</translation>
        </message>
        <message>
            <source>HTTP code: {value}</source>
            <translation>Código HTTP: {value}</translation>
        </message>
        <message>
            <source>Last try started: {value}</source>
            <translation>Último intento: {value}</translation>
        </message>
        <message>
            <source>Note: {value}</source>
            <translation>Nota: {value}</translation>
        </message>
        <message>
            <source>Operator: {value}</source>
            <translation>Operador: {value}</translation>
        </message>
        <message>
            <source>Order {order} → {status}</source>
            <translation>Pedido {order} → {status}</translation>
        </message>
        <message>
            <source>Queued: {value}</source>
            <translation>En cola: {value}</translation>
        </message>
        <message>
            <source>Resent: {value}</source>
            <translation>Reenviada: {value}</translation>
        </message>
        <message>
            <source>Result: {value}</source>
            <translation>Resultado: {value}</translation>
        </message>
        <message>
            <source>Retry chain, oldest first:</source>
            <translation>Cadena de reintentos, la más antigua primero:</translation>
        </message>
        <message>
            <source>Retry chain: none (never retried)</source>
            <translation>Cadena de reintentos: ninguna (nunca reintentada)</translation>
        </message>
        <message>
            <source>Select an update in the history to see its details here.</source>
            <translation>Elija una actualización del historial para ver aquí sus detalles.</translation>
        </message>
        <message>
            <source>Sent to: {value}</source>
            <translation>Enviada a: {value}</translation>
        </message>
        <message>
            <source>Server's message: {value}</source>
            <translation>Mensaje del servidor: {value}</translation>
        </message>
        <message>
            <source>Station: {value}</source>
            <translation>Puesto: {value}</translation>
        </message>
        <message>
            <source>Update number: {value}</source>
            <translation>Número de actualización: {value}</translation>
        </message>
        <message>
            <source>being sent</source>
            <translation>enviándose</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>anulada</translation>
        </message>
        <message>
            <source>could not be sent</source>
            <translation>no se pudo enviar</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>falló</translation>
        </message>
        <message>
            <source>first request</source>
            <translation>primera petición</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>retry of {update}</source>
            <translation>reintento de {update}</translation>
        </message>
        <message>
            <source>sent</source>
            <translation>enviada</translation>
        </message>
        <message>
            <source>waiting to be sent</source>
            <translation>esperando envío</translation>
        </message>
        <message>
            <source>yes: it was being sent when flxdesk stopped, so Flxpoint may have got it twice</source>
            <translation>sí: se estaba enviando cuando flxdesk se paró, así que Flxpoint pudo recibirla dos veces</translation>
        </message>
    </context>
    <context>
        <name>HistoryFilterBar</name>
        <message>
            <source>All results</source>
            <translation>Todos los resultados</translation>
        </message>
        <message>
            <source>All results; only failed updates; or only updates waiting to be sent</source>
            <translation>Todos los resultados; solo las fallidas; o solo las que esperan envío</translation>
        </message>
        <message>
            <source>Exact ID</source>
            <translation>ID exacto</translation>
        </message>
        <message>
            <source>Exact order ID</source>
            <translation>ID de pedido exacto</translation>
        </message>
        <message>
            <source>Failed only</source>
            <translation>Solo fallidas</translation>
        </message>
        <message>
            <source>Find order ID (Ctrl+F)</source>
            <translation>Buscar ID de pedido (Ctrl+F)</translation>
        </message>
        <message>
            <source>Find order ID in the history</source>
            <translation>Buscar ID de pedido en el historial</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Resultado</translation>
        </message>
        <message>
            <source>Shows the updates whose order ID starts with what you type, or is exactly it when Exact ID is ticked. Enter searches at once.</source>
            <translation>Muestra las actualizaciones cuyo ID de pedido empieza por lo que escribe, o es justo eso si ID exacto está marcado. Intro busca al momento.</translation>
        </message>
        <message>
            <source>Ticked: only this order ID. Not ticked: every order ID that starts with it.</source>
            <translation>Marcado: solo este ID de pedido. Sin marcar: todos los ID que empiezan por él.</translation>
        </message>
        <message>
            <source>Waiting only</source>
            <translation>Solo en espera</translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <source>Cancelled</source>
            <translation>Anulada</translation>
        </message>
        <message>
            <source>Failed: {reason}</source>
            <translation>Falló: {reason}</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Nota</translation>
        </message>
        <message>
            <source>Order ID</source>
            <translation>ID de pedido</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>En cola</translation>
        </message>
        <message>
            <source>Queued again (may be sent twice)</source>
            <translation>En cola otra vez (puede enviarse dos veces)</translation>
        </message>
        <message>
            <source>Queued, retrying: {reason}</source>
            <translation>En cola, reintentando: {reason}</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Resultado</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>Enviando…</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Enviada</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Hora</translation>
        </message>
    </context>
    <context>
        <name>HistoryPane</name>
        <message numerus="yes">
            <source>%Ln update(s) match</source>
            <translation>
                <numerusform>%Ln actualización coincide</numerusform>
                <numerusform>%Ln actualizaciones coinciden</numerusform>
            </translation>
        </message>
        <message>
            <source>All updates, newest first</source>
            <translation>Todas las actualizaciones, la más nueva primero</translation>
        </message>
        <message numerus="yes">
            <source>Copied %n order ID(s).</source>
            <translation>
                <numerusform>%n ID de pedido copiado.</numerusform>
                <numerusform>%n ID de pedido copiados.</numerusform>
            </translation>
        </message>
        <message>
            <source>Copy order IDs</source>
            <translation>Copiar ID de pedido</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Exportar CSV…</translation>
        </message>
        <message>
            <source>Export failed: {reason}</source>
            <translation>Falló la exportación: {reason}</translation>
        </message>
        <message>
            <source>Export this filter to CSV</source>
            <translation>Exportar este filtro a CSV</translation>
        </message>
        <message>
            <source>Export this filter to CSV…</source>
            <translation>Exportar este filtro a CSV…</translation>
        </message>
        <message numerus="yes">
            <source>Exported %Ln update(s) to {file}.</source>
            <translation>
                <numerusform>%Ln actualización exportada a {file}.</numerusform>
                <numerusform>%Ln actualizaciones exportadas a {file}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Exporting to {file}…</source>
            <translation>Exportando a {file}…</translation>
        </message>
        <message>
            <source>Find order ID</source>
            <translation>Buscar ID de pedido</translation>
        </message>
        <message>
            <source>History actions</source>
            <translation>Acciones del historial</translation>
        </message>
        <message>
            <source>History of updates, newest first</source>
            <translation>Historial de actualizaciones, la más nueva primero</translation>
        </message>
        <message>
            <source>No failed update to retry {where}.</source>
            <translation>No hay actualizaciones fallidas que reintentar {where}.</translation>
        </message>
        <message>
            <source>No update matches</source>
            <translation>Ninguna actualización coincide</translation>
        </message>
        <message>
            <source>One row per update: time, order ID, status, note, result. The details of the selected row are next to it. Menu key: copy, retry, export.</source>
            <translation>Una fila por actualización: hora, ID de pedido, estado, nota, resultado. Los detalles de la fila elegida están al lado. Tecla de menú: copiar, reintentar, exportar.</translation>
        </message>
        <message>
            <source>Queue again every failed update of the period chosen, after asking</source>
            <translation>Volver a poner en cola cada actualización fallida del periodo elegido, tras preguntar</translation>
        </message>
        <message>
            <source>Queue the selected failed updates again</source>
            <translation>Volver a poner en cola las fallidas elegidas</translation>
        </message>
        <message>
            <source>Result of the last history action</source>
            <translation>Resultado de la última acción del historial</translation>
        </message>
        <message>
            <source>Retry all failed…</source>
            <translation>Reintentar todas las fallidas…</translation>
        </message>
        <message>
            <source>Retry selected</source>
            <translation>Reintentar elegidas</translation>
        </message>
        <message>
            <source>Save every update the filter shows to a CSV file for Excel</source>
            <translation>Guardar todas las actualizaciones del filtro en un CSV para Excel</translation>
        </message>
        <message>
            <source>Scan your badge first: nothing was retried.</source>
            <translation>Escanee primero su gafete: no se reintentó nada.</translation>
        </message>
        <message>
            <source>Select the failed updates to retry first.</source>
            <translation>Elija antes las actualizaciones fallidas que quiere reintentar.</translation>
        </message>
        <message>
            <source>from {period}</source>
            <translation>de {period}</translation>
        </message>
        <message>
            <source>in the whole history</source>
            <translation>en todo el historial</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewModel</name>
        <message>
            <source>Check</source>
            <translation>Revisión</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Línea</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Nota</translation>
        </message>
        <message>
            <source>Order ID</source>
            <translation>ID de pedido</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Lista</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
    </context>
    <context>
        <name>InstanceLock</name>
        <message>
            <source>another flxdesk</source>
            <translation>otro flxdesk</translation>
        </message>
        <message>
            <source>{what} (process {pid}, since {started})</source>
            <translation>{what} (proceso {pid}, desde las {started})</translation>
        </message>
        <message>
            <source>{who} is already using the data folder {data_dir}. Close it first, or wait for it to finish: two at once could send the same updates twice.</source>
            <translation>{who} ya usa la carpeta de datos {data_dir}. Ciérrelo antes o espere a que termine: dos a la vez podrían enviar dos veces lo mismo.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%n scan(s) kept here meanwhile.</source>
            <translation>
                <numerusform>%n escaneo guardado aquí mientras tanto.</numerusform>
                <numerusform>%n escaneos guardados aquí mientras tanto.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;History (newest first)</source>
            <translation>&amp;Historial (lo más nuevo primero)</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>&amp;Nota</translation>
        </message>
        <message>
            <source>&amp;Order ID</source>
            <translation>ID de &amp;pedido</translation>
        </message>
        <message>
            <source>&amp;Status</source>
            <translation>&amp;Estado</translation>
        </message>
        <message>
            <source>New status</source>
            <translation>Estado nuevo</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Nota</translation>
        </message>
        <message>
            <source>Optional note sent with each update</source>
            <translation>Nota opcional que va con cada actualización</translation>
        </message>
        <message>
            <source>Order ID</source>
            <translation>ID de pedido</translation>
        </message>
        <message>
            <source>Scan or type an order ID, then Enter</source>
            <translation>Escanee o escriba el ID y pulse Intro</translation>
        </message>
        <message>
            <source>Send status update</source>
            <translation>Enviar cambio de estado</translation>
        </message>
        <message>
            <source>Update</source>
            <translation>Actualizar</translation>
        </message>
        <message>
            <source>flxdesk: not written</source>
            <translation>flxdesk: no guardado</translation>
        </message>
        <message>
            <source>{title} — DEMO (orders 1000-1999)</source>
            <translation>{title} — DEMO (pedidos 1000-1999)</translation>
        </message>
    </context>
    <context>
        <name>Notes</name>
        <message>
            <source>The note is {len} characters long; the most Flxpoint takes is {most}. Shorten it.</source>
            <translation>La nota tiene {len} caracteres; Flxpoint acepta como mucho {most}. Acórtela.</translation>
        </message>
    </context>
    <context>
        <name>OperatorCommand</name>
        <message>
            <source>No PIN given: type it at a terminal, or set {name} when there is none.</source>
            <translation>No se dio un PIN: escríbalo en una terminal, o ponga {name} cuando no la hay.</translation>
        </message>
        <message>
            <source>No hash was made.</source>
            <translation>No se hizo ningún hash.</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>No se cambió nada.</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>PIN (4 to 12 digits): </source>
            <translation>PIN (de 4 a 12 cifras): </translation>
        </message>
        <message>
            <source>The floor is at version {version} and has no operators yet: run 'flxdesk floor init' from this flxdesk to upgrade it. Nothing was changed.</source>
            <translation>La planta está en la versión {version} y aún no tiene operadores: ejecute 'flxdesk floor init' de este flxdesk para actualizarla. No se cambió nada.</translation>
        </message>
        <message>
            <source>The same PIN again: </source>
            <translation>El mismo PIN otra vez: </translation>
        </message>
        <message>
            <source>The two PINs differ.</source>
            <translation>Los dos PIN son distintos.</translation>
        </message>
        <message>
            <source>added {name} with badge {badge} to {floor}{what}.</source>
            <translation>se agregó a {name} con el gafete {badge} en {floor}{what}.</translation>
        </message>
        <message>
            <source>asks for a PIN</source>
            <translation>pide un PIN</translation>
        </message>
        <message>
            <source>badge {badge} is now {name} on {floor}{what}.</source>
            <translation>el gafete {badge} es ahora de {name} en {floor}{what}.</translation>
        </message>
        <message>
            <source>no operator has badge {badge} on {floor}: nothing was removed.</source>
            <translation>ningún operador tiene el gafete {badge} en {floor}: no se quitó nada.</translation>
        </message>
        <message>
            <source>only the floor's owner may change or list its operators: {login} may not (a station's login never can; stations read the operators themselves). Nothing was changed.</source>
            <translation>solo el dueño de la planta puede cambiar o listar sus operadores: {login} no puede (el usuario de un puesto nunca puede; los puestos leen los operadores por sí mismos). No se cambió nada.</translation>
        </message>
        <message>
            <source>stations leave out {problem}</source>
            <translation>los puestos omiten {problem}</translation>
        </message>
        <message>
            <source>supervisor</source>
            <translation>supervisor</translation>
        </message>
        <message>
            <source>took badge {badge} ({name}) off {floor}: stations refuse it from their next heartbeat (30 s at most while they reach the floor).</source>
            <translation>se quitó el gafete {badge} ({name}) de {floor}: los puestos lo rechazan desde su próximo latido (30 s como mucho mientras lleguen a la planta).</translation>
        </message>
        <message>
            <source>{count} operator(s) on {floor}.</source>
            <translation>{count} operador(es) en {floor}.</translation>
        </message>
        <message>
            <source>{problem}. Nothing was changed.</source>
            <translation>{problem}. No se cambió nada.</translation>
        </message>
    </context>
    <context>
        <name>OperatorOption</name>
        <message>
            <source>PIN of {name} (not shown): </source>
            <translation>PIN de {name} (no se muestra): </translation>
        </message>
        <message>
            <source>no operator of this station has the badge given to {option}; nothing was sent.</source>
            <translation>ningún operador de este puesto tiene el gafete dado a {option}; no se envió nada.</translation>
        </message>
        <message>
            <source>operators are not set up at this station (operator_sign_in is off): --operator cannot be used here; nothing was sent.</source>
            <translation>en este puesto no hay operadores configurados (operator_sign_in es off): aquí no se puede usar --operator; no se envió nada.</translation>
        </message>
        <message>
            <source>sign-in is required at this station: give --operator BADGE; nothing was sent.</source>
            <translation>en este puesto hay que iniciar sesión: dé --operator GAFETE; no se envió nada.</translation>
        </message>
        <message>
            <source>the note with its signature (note_signature) is {length} characters long; the most Flxpoint takes is {most}: shorten the note by {over} characters; nothing was sent.</source>
            <translation>la nota con su firma (note_signature) tiene {length} caracteres; Flxpoint acepta como mucho {most}: acorte la nota en {over} caracteres; no se envió nada.</translation>
        </message>
        <message>
            <source>wrong PIN for {name}; nothing was sent.</source>
            <translation>PIN incorrecto de {name}; no se envió nada.</translation>
        </message>
        <message>
            <source>{name} has a PIN: type it at a terminal, or set {variable}; nothing was sent.</source>
            <translation>{name} tiene un PIN: escríbalo en una terminal, o ponga {variable}; no se envió nada.</translation>
        </message>
        <message>
            <source>{name} is not a supervisor: --approved-by needs a supervisor's badge; nothing was sent.</source>
            <translation>{name} no es supervisor: --approved-by necesita el gafete de un supervisor; no se envió nada.</translation>
        </message>
        <message>
            <source>{status} needs a supervisor's approval: give --approved-by with a supervisor's badge (or --operator of a supervisor); nothing was sent.</source>
            <translation>{status} necesita la aprobación de un supervisor: dé --approved-by con el gafete de un supervisor (o --operator de un supervisor); no se envió nada.</translation>
        </message>
    </context>
    <context>
        <name>OperatorPart</name>
        <message>
            <source>Badge number</source>
            <translation>Número de gafete</translation>
        </message>
        <message>
            <source>Nobody was signed in: the PIN was not typed.</source>
            <translation>No se inició ninguna sesión: no se escribió el PIN.</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Iniciar sesión</translation>
        </message>
        <message>
            <source>Supervisor's PIN</source>
            <translation>PIN del supervisor</translation>
        </message>
        <message>
            <source>Supervisor's approval</source>
            <translation>Aprobación del supervisor</translation>
        </message>
        <message>
            <source>Supervisor's badge number</source>
            <translation>Número de gafete del supervisor</translation>
        </message>
        <message>
            <source>Type your badge number, then Enter (or scan your badge).</source>
            <translation>Escriba el número de su gafete y pulse Intro (o escanee su gafete).</translation>
        </message>
        <message>
            <source>{name}: type your PIN to approve {status}, then Enter.</source>
            <translation>{name}: escriba su PIN para aprobar {status} y pulse Intro.</translation>
        </message>
        <message>
            <source>{name}: type your PIN, then Enter.</source>
            <translation>{name}: escriba su PIN y pulse Intro.</translation>
        </message>
        <message>
            <source>{status} needs a supervisor: scan or type a supervisor's badge.</source>
            <translation>{status} necesita un supervisor: escanee o escriba el gafete de un supervisor.</translation>
        </message>
        <message>
            <source>{status} was not armed: no supervisor's badge.</source>
            <translation>{status} no se activó: falta el gafete de un supervisor.</translation>
        </message>
    </context>
    <context>
        <name>OrderIds</name>
        <message>
            <source>Scan or type an order ID first.</source>
            <translation>Escanee o escriba antes un ID de pedido.</translation>
        </message>
        <message>
            <source>That order ID contains invisible control characters. Scan it again or type it.</source>
            <translation>Ese ID de pedido tiene caracteres de control invisibles. Escanéelo otra vez o escríbalo.</translation>
        </message>
        <message>
            <source>That order ID is {len} characters long; the most is {most}. Check the scan.</source>
            <translation>Ese ID de pedido tiene {len} caracteres; el máximo es {most}. Revise el escaneo.</translation>
        </message>
    </context>
    <context>
        <name>Paths</name>
        <message>
            <source>The demo folder {folder} cannot be used ({value}). The demo keeps its own history there, apart from the real one; check that it is a folder you may write to, or remove the file of that name.</source>
            <translation>La carpeta de la demo {folder} no se puede usar ({value}). La demo guarda allí su propio historial, aparte del real; compruebe que es una carpeta en la que puede escribir, o quite el archivo con ese nombre.</translation>
        </message>
        <message>
            <source>The folder {folder} cannot be created ({value}): ask IT to make it writable for you, or set FLXDESK_HOME to a folder you may write to.</source>
            <translation>No se puede crear la carpeta {folder} ({value}): pida a TI que le deje escribir en ella, o ponga en FLXDESK_HOME una carpeta en la que pueda escribir.</translation>
        </message>
    </context>
    <context>
        <name>PeriodChooser</name>
        <message>
            <source>Any time</source>
            <translation>Cualquier fecha</translation>
        </message>
        <message>
            <source>Dates…</source>
            <translation>Fechas…</translation>
        </message>
        <message>
            <source>First day of the period</source>
            <translation>Primer día del periodo</translation>
        </message>
        <message>
            <source>First day to include, the whole day; year-month-day</source>
            <translation>Primer día que se incluye, el día entero; año-mes-día</translation>
        </message>
        <message>
            <source>Last day of the period</source>
            <translation>Último día del periodo</translation>
        </message>
        <message>
            <source>Last day to include, the whole day; year-month-day</source>
            <translation>Último día que se incluye, el día entero; año-mes-día</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Periodo</translation>
        </message>
        <message>
            <source>This shift (last {hours} hours)</source>
            <translation>Este turno (últimas {hours} horas)</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Hoy</translation>
        </message>
        <message>
            <source>Which updates to include by when they were queued: {choices} (choose the first and last day)</source>
            <translation>Qué actualizaciones incluir según cuándo se pusieron en cola: {choices} (elija el primer y el último día)</translation>
        </message>
        <message>
            <source>to</source>
            <translation>a</translation>
        </message>
    </context>
    <context>
        <name>Periods</name>
        <message>
            <source> (now)</source>
            <translation> (ahora)</translation>
        </message>
        <message>
            <source>The end of the period must come after its start.</source>
            <translation>El final del periodo debe ir después del inicio.</translation>
        </message>
        <message>
            <source>last {hours} hours, {describe}</source>
            <translation>últimas {hours} horas, {describe}</translation>
        </message>
        <message>
            <source>today, {describe}</source>
            <translation>hoy, {describe}</translation>
        </message>
        <message>
            <source>{start_text} to {end_text}</source>
            <translation>{start_text} a {end_text}</translation>
        </message>
    </context>
    <context>
        <name>Pins</name>
        <message>
            <source>A PIN is 4 to 12 digits.</source>
            <translation>Un PIN tiene de 4 a 12 dígitos.</translation>
        </message>
    </context>
    <context>
        <name>ResultBand</name>
        <message>
            <source>Last result</source>
            <translation>Último resultado</translation>
        </message>
        <message>
            <source>Ready: scan an order.</source>
            <translation>Listo: escanee un pedido.</translation>
        </message>
    </context>
    <context>
        <name>Results</name>
        <message>
            <source> Flxpoint said: {server_text}</source>
            <translation> Flxpoint dijo: {server_text}</translation>
        </message>
        <message>
            <source> No reason given.</source>
            <translation> No dio motivo.</translation>
        </message>
        <message>
            <source>Check the network connection.</source>
            <translation>Revise la conexión de red.</translation>
        </message>
        <message>
            <source>Could not connect to Flxpoint to update order {order_id}: this computer seems to be offline. The update waits and is sent when the connection is back.</source>
            <translation>No se pudo conectar con Flxpoint para actualizar el pedido {order_id}: este equipo parece estar sin conexión. La actualización espera y se envía cuando vuelva la conexión.</translation>
        </message>
        <message>
            <source>Could not look up the address {host} to update order {order_id} (DNS). The network's name service is not answering, this computer is offline, or the API address in the settings is mistyped. The update waits and is sent when the name can be found.</source>
            <translation>No se encontró la dirección {host} para actualizar el pedido {order_id} (DNS). El servicio de nombres de la red no responde, este equipo está sin conexión o la dirección de la API en los ajustes está mal escrita. La actualización espera y se envía cuando se encuentre el nombre.</translation>
        </message>
        <message>
            <source>Could not reach Flxpoint to update order {order_id}. {reason}</source>
            <translation>No se pudo llegar a Flxpoint para actualizar el pedido {order_id}. {reason}</translation>
        </message>
        <message>
            <source>Flxpoint did not accept the API token (401). Check that it was copied whole and is still active. Account, Source and Channel tokens are different tokens: use one made for this Flxpoint account.</source>
            <translation>Flxpoint no aceptó el token de API (401). Compruebe que se copió entero y que sigue activo. Los tokens de cuenta (Account), origen (Source) y canal (Channel) son distintos: use uno hecho para esta cuenta de Flxpoint.</translation>
        </message>
        <message>
            <source>Flxpoint did not answer in time for order {order_id}. The update may or may not have been applied: check the order before sending it again.</source>
            <translation>Flxpoint no respondió a tiempo para el pedido {order_id}. Puede que el cambio se aplicara o no: revise el pedido antes de enviarlo otra vez.</translation>
        </message>
        <message>
            <source>Flxpoint gave an unexpected answer (HTTP {status_code}) for order {order_id}.{said}</source>
            <translation>Flxpoint dio una respuesta inesperada (HTTP {status_code}) para el pedido {order_id}.{said}</translation>
        </message>
        <message>
            <source>Flxpoint had a problem on its side ({status_code}); order {order_id} was not updated. Try again in a few minutes.{said}</source>
            <translation>Flxpoint tuvo un problema de su lado ({status_code}); el pedido {order_id} no se actualizó. Inténtelo otra vez en unos minutos.{said}</translation>
        </message>
        <message>
            <source>Flxpoint is limiting how fast this token may send (429). Too many updates were sent at once, possibly from another station using the same token.</source>
            <translation>Flxpoint limita la velocidad de envío de este token (429). Se enviaron demasiadas actualizaciones a la vez, quizá desde otro puesto con el mismo token.</translation>
        </message>
        <message>
            <source>Flxpoint refused the update of order {order_id} (400).{value}</source>
            <translation>Flxpoint rechazó el cambio del pedido {order_id} (400).{value}</translation>
        </message>
        <message>
            <source>Order {order_id} set to {status}.</source>
            <translation>Pedido {order_id} puesto en {status}.</translation>
        </message>
        <message>
            <source>Order {order_id} was not found in Flxpoint (404). Check the ID.</source>
            <translation>El pedido {order_id} no está en Flxpoint (404). Revise el ID.</translation>
        </message>
        <message>
            <source>Order {order_id} was not sent: the secure connection could not be verified, because this computer does not trust the server's certificate. Sending again cannot help until this is fixed. If your company inspects web traffic, IT must install its root certificate in the system.</source>
            <translation>El pedido {order_id} no se envió: no se pudo verificar la conexión segura porque este equipo no confía en el certificado del servidor. Enviar otra vez no sirve hasta que se arregle. Si su empresa inspecciona el tráfico web, TI debe instalar su certificado raíz en el sistema.</translation>
        </message>
        <message>
            <source>The note is too long for Flxpoint (414); order {order_id} was not updated. Shorten the note and send the update again.</source>
            <translation>La nota es demasiado larga para Flxpoint (414); el pedido {order_id} no se actualizó. Acorte la nota y envíelo otra vez.</translation>
        </message>
        <message>
            <source>This API token may not change order {order_id} (403). Ask your Flxpoint administrator for a token with access to it.</source>
            <translation>Este token de API no puede cambiar el pedido {order_id} (403). Pida al administrador de Flxpoint un token con acceso.</translation>
        </message>
    </context>
    <context>
        <name>Retry</name>
        <message>
            <source> (and {more} more).</source>
            <translation> (y {more} más).</translation>
        </message>
        <message numerus="yes">
            <source>%n update(s) queued again.</source>
            <translation>
                <numerusform>%n actualización en cola otra vez.</numerusform>
                <numerusform>%n actualizaciones en cola otra vez.</numerusform>
            </translation>
        </message>
        <message>
            <source>A row without an order ID</source>
            <translation>Una fila sin ID de pedido</translation>
        </message>
        <message>
            <source>Order {order_id}</source>
            <translation>El pedido {order_id}</translation>
        </message>
        <message>
            <source>Order {order_id} was already set to {status} at {at}.</source>
            <translation>El pedido {order_id} ya se puso en {status} a las {at}.</translation>
        </message>
        <message>
            <source>There is no update {update_id} in the history.</source>
            <translation>No hay actualización {update_id} en el historial.</translation>
        </message>
        <message>
            <source>it is being sent</source>
            <translation>se está enviando</translation>
        </message>
        <message>
            <source>it is still waiting to be sent</source>
            <translation>aún espera su envío</translation>
        </message>
        <message>
            <source>it was cancelled</source>
            <translation>se anuló</translation>
        </message>
        <message>
            <source>it was sent</source>
            <translation>se envió</translation>
        </message>
        <message>
            <source>{count} not retried: {first}</source>
            <translation>{count} sin reintentar: {first}</translation>
        </message>
        <message>
            <source>{order} could never be sent ({message}); fix it and queue it again.</source>
            <translation>{order} no se pudo enviar nunca ({message}); corríjalo y póngalo otra vez en cola.</translation>
        </message>
        <message>
            <source>{order} is already being set to {status} by this retry.</source>
            <translation>{order} ya se está poniendo en {status} con este reintento.</translation>
        </message>
        <message>
            <source>{order} was already retried (update {value}); retry that one instead.</source>
            <translation>{order} ya se reintentó (actualización {value}); reintente esa.</translation>
        </message>
        <message>
            <source>{order} was not retried: {value}.</source>
            <translation>{order} no se reintentó: {value}.</translation>
        </message>
    </context>
    <context>
        <name>Roster</name>
        <message>
            <source>"operator_idle_minutes" must be a number</source>
            <translation>"operator_idle_minutes" debe ser un número</translation>
        </message>
        <message>
            <source>"operator_idle_minutes" must be from 0 to {most}</source>
            <translation>"operator_idle_minutes" debe ir de 0 a {most}</translation>
        </message>
        <message>
            <source>"operator_sign_in" is "{mode}" but "operators" lists nobody</source>
            <translation>"operator_sign_in" es "{mode}" pero "operators" no tiene a nadie</translation>
        </message>
        <message>
            <source>"operator_sign_in" must be "off", "optional" or "required"</source>
            <translation>"operator_sign_in" debe ser "off", "optional" o "required"</translation>
        </message>
        <message>
            <source>"operators" must be a list of {"badge": ..., "name": ...}</source>
            <translation>"operators" debe ser una lista de {"badge": ..., "name": ...}</translation>
        </message>
        <message>
            <source>"pin_hash" is not a PIN hash made by flxdesk operator hash-pin</source>
            <translation>"pin_hash" no es un hash de PIN hecho con flxdesk operator hash-pin</translation>
        </message>
        <message>
            <source>"supervisor" must be true or false</source>
            <translation>"supervisor" debe ser true o false</translation>
        </message>
        <message>
            <source>"supervisor_for" must be a list of statuses from: {names}</source>
            <translation>"supervisor_for" debe ser una lista de estados entre: {names}</translation>
        </message>
        <message>
            <source>"supervisor_for" needs at least one operator with "supervisor": true</source>
            <translation>"supervisor_for" necesita al menos un operador con "supervisor": true</translation>
        </message>
        <message>
            <source>a PIN is never written as typed: put its hash in "pin_hash" (flxdesk operator hash-pin)</source>
            <translation>un PIN nunca se escribe tal cual: ponga su hash en "pin_hash" (flxdesk operator hash-pin)</translation>
        </message>
        <message>
            <source>it must be an object such as {"badge": "0042", "name": "Maria"}</source>
            <translation>debe ser un objeto como {"badge": "0042", "name": "Maria"}</translation>
        </message>
        <message>
            <source>operator {place}</source>
            <translation>operador {place}</translation>
        </message>
        <message>
            <source>operator {place} ("{name}")</source>
            <translation>operador {place} ("{name}")</translation>
        </message>
        <message>
            <source>operator {place} ("{name}"): operator {other} has the same name; the history could not tell them apart (add an initial)</source>
            <translation>operador {place} ("{name}"): el operador {other} tiene el mismo nombre; el historial no podría distinguirlos (agregue una inicial)</translation>
        </message>
        <message>
            <source>operator {place} ("{name}"): the badge "{badge}" is also operator {other}'s</source>
            <translation>operador {place} ("{name}"): el gafete "{badge}" también es del operador {other}</translation>
        </message>
        <message>
            <source>the name is empty</source>
            <translation>el nombre está vacío</translation>
        </message>
        <message>
            <source>the name is longer than {most} characters</source>
            <translation>el nombre tiene más de {most} caracteres</translation>
        </message>
        <message>
            <source>{keys} is not an operator's field (badge, name, supervisor, pin_hash)</source>
            <translation>{keys} no es un campo de operador (badge, name, supervisor, pin_hash)</translation>
        </message>
    </context>
    <context>
        <name>ScanDesk</name>
        <message>
            <source>Armed: {status}. Every scan is set to {status}.</source>
            <translation>Activo: {status}. Cada escaneo pasa a {status}.</translation>
        </message>
        <message>
            <source>No scan for a while: back to the station's {status}.</source>
            <translation>Un rato sin escanear: de vuelta a {status}, el estado del puesto.</translation>
        </message>
        <message>
            <source>Note cleared.</source>
            <translation>Nota borrada.</translation>
        </message>
        <message>
            <source>a bulk update is being written</source>
            <translation>se está guardando un lote</translation>
        </message>
        <message>
            <source>no API token yet</source>
            <translation>aún sin token de API</translation>
        </message>
        <message>
            <source>offline</source>
            <translation>sin conexión</translation>
        </message>
        <message>
            <source>sending is paused</source>
            <translation>envío en pausa</translation>
        </message>
        <message>
            <source>the history is busy, kept here</source>
            <translation>el historial está ocupado, se guarda aquí</translation>
        </message>
        <message>
            <source>{status} needs a supervisor's approval: arm it again and have a supervisor scan their badge. {scan} was not sent.</source>
            <translation>{status} necesita la aprobación de un supervisor: actívelo de nuevo y pida a un supervisor que escanee su gafete. {scan} no se envió.</translation>
        </message>
    </context>
    <context>
        <name>ScanReading</name>
        <message>
            <source>Not sent: the scan {scan} holds a GS1 group separator, so it is more than an order ID. Scan the order's own barcode.</source>
            <translation>No enviado: el escaneo {scan} contiene un separador de grupo GS1, así que es más que un ID de pedido. Escanee el código de barras del pedido.</translation>
        </message>
        <message>
            <source>Not sent: the scanner typed {arrived}, which is no order ID by key position nor in this keyboard's layout. Run the scanner check (File → Settings → Scanner check) to see how the scanner is set.</source>
            <translation>No enviado: el escáner escribió {arrived}, que no es un ID de pedido ni por la posición de las teclas ni con la distribución de este teclado. Haga la prueba del escáner (Archivo → Ajustes → Prueba del escáner) para ver cómo está configurado.</translation>
        </message>
        <message>
            <source>Not sent: this scan reads as {position} by key position and as {layout} in this keyboard's layout. Scan the scanner check's code (File → Settings → Scanner check, or the command barcodes) once, so that flxdesk knows how the scanner is set.</source>
            <translation>No enviado: este escaneo se lee {position} por la posición de las teclas y {layout} con la distribución de este teclado. Escanee una vez el código de prueba del escáner (Archivo → Ajustes → Prueba del escáner, o los códigos de comando) para que flxdesk sepa cómo está configurado el escáner.</translation>
        </message>
    </context>
    <context>
        <name>ScanRules</name>
        <message>
            <source>Not taken: {scan}. Acknowledge the failures first (Esc, click the red panel, or scan FLXCMD ACK), then scan it again.</source>
            <translation>No se tomó: {scan}. Confirme antes los fallos (Esc, clic en el panel rojo o escanee FLXCMD ACK) y escanéelo otra vez.</translation>
        </message>
        <message>
            <source>Unknown command barcode {code}: nothing done.</source>
            <translation>Código de comando desconocido {code}: no se hizo nada.</translation>
        </message>
        <message>
            <source>the scan</source>
            <translation>el escaneo</translation>
        </message>
        <message>
            <source>{order} was already set to {status} at {station}, {when}: not sent again. Scan it again within {seconds} s to send it anyway.</source>
            <translation>{order} ya se puso en {status} en {station}, a las {when}: no se envía otra vez. Escanéelo de nuevo antes de {seconds} s para enviarlo igualmente.</translation>
        </message>
        <message>
            <source>{order} was already set to {status} at {when}: not sent again. Scan it again within {seconds} s to send it anyway.</source>
            <translation>{order} ya se puso en {status} a las {when}: no se envía otra vez. Escanéelo de nuevo antes de {seconds} s para enviarlo igualmente.</translation>
        </message>
    </context>
    <context>
        <name>ScannerCheck</name>
        <message>
            <source>Enter</source>
            <translation>Intro</translation>
        </message>
        <message>
            <source>Tab</source>
            <translation>Tab</translation>
        </message>
        <message>
            <source>The scanner adds {aim} before each code: flxdesk removes it.</source>
            <translation>El escáner añade {aim} antes de cada código: flxdesk lo quita.</translation>
        </message>
        <message>
            <source>This scanner changes the code ({changes}): set it to a US keyboard (its factory setting) or to this station's layout, then scan the check again.</source>
            <translation>Este escáner cambia el código ({changes}): configúrelo para un teclado de EE. UU. (su ajuste de fábrica) o para la distribución de este puesto, y vuelva a escanear la prueba.</translation>
        </message>
        <message>
            <source>This scanner ends a code with nothing: ask IT to let a pause end a scan.</source>
            <translation>Este escáner no termina el código con nada: pida a TI que una pausa termine un escaneo.</translation>
        </message>
        <message>
            <source>This scanner ends a code with nothing: flxdesk now takes a pause as the end of a scan.</source>
            <translation>Este escáner no termina el código con nada: flxdesk ahora toma una pausa como el final de un escaneo.</translation>
        </message>
        <message>
            <source>This scanner is set for a US keyboard: flxdesk reads it by key position.</source>
            <translation>Este escáner está configurado para un teclado de EE. UU.: flxdesk lo lee por la posición de las teclas.</translation>
        </message>
        <message>
            <source>This scanner is set for this station's keyboard layout: flxdesk reads the characters it types.</source>
            <translation>Este escáner está configurado para la distribución de teclado de este puesto: flxdesk lee los caracteres que escribe.</translation>
        </message>
        <message>
            <source>This scanner types every character right on this keyboard layout.</source>
            <translation>Este escáner escribe bien cada carácter con la distribución de este teclado.</translation>
        </message>
        <message>
            <source>This scanner types {slowest:.0f} ms apart, slower than the {gap} ms IT set for this computer: ask IT to allow {wanted} ms.</source>
            <translation>Este escáner escribe con {slowest:.0f} ms entre teclas, más lento que los {gap} ms que TI fijó en este equipo: pida a TI que permita {wanted} ms.</translation>
        </message>
        <message>
            <source>This scanner types {slowest:.0f} ms apart: flxdesk now waits {gap} ms for the next key of a scan.</source>
            <translation>Este escáner escribe con {slowest:.0f} ms entre teclas: flxdesk ahora espera {gap} ms la siguiente tecla de un escaneo.</translation>
        </message>
        <message>
            <source>its length</source>
            <translation>su longitud</translation>
        </message>
        <message>
            <source>nothing (the code just stops)</source>
            <translation>nada (el código simplemente se detiene)</translation>
        </message>
        <message>
            <source>shortest {low:.0f} ms, median {median:.0f} ms, longest {high:.0f} ms</source>
            <translation>mínimo {low:.0f} ms, mediana {median:.0f} ms, máximo {high:.0f} ms</translation>
        </message>
    </context>
    <context>
        <name>ScannerCheckDialog</name>
        <message>
            <source>Between keys</source>
            <translation>Entre teclas</translation>
        </message>
        <message>
            <source>Ended by</source>
            <translation>Terminado con</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Teclas</translation>
        </message>
        <message>
            <source>Scan the code “Scanner check” on the command sheet (File → Print command barcodes…). It reads: {code}</source>
            <translation>Escanee el código «Prueba del escáner» de la hoja de comandos (Archivo → Imprimir códigos de comando…). Dice: {code}</translation>
        </message>
        <message>
            <source>Scanner check</source>
            <translation>Prueba del escáner</translation>
        </message>
        <message>
            <source>What arrived</source>
            <translation>Lo que llegó</translation>
        </message>
        <message>
            <source>What it means</source>
            <translation>Qué significa</translation>
        </message>
        <message>
            <source>flxdesk reads</source>
            <translation>flxdesk lee</translation>
        </message>
        <message>
            <source>waiting for a scan…</source>
            <translation>esperando un escaneo…</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>"floor_tls" must be "verify-full" or "unverified"</source>
            <translation>"floor_tls" debe ser "verify-full" o "unverified"</translation>
        </message>
        <message>
            <source>"locked" must be a list of setting names in quotes</source>
            <translation>"locked" debe ser una lista de nombres de ajustes entre comillas</translation>
        </message>
        <message>
            <source>"locked" names settings that do not exist: {names}</source>
            <translation>"locked" nombra ajustes que no existen: {names}</translation>
        </message>
        <message>
            <source>"{name}" is not a setting (station settings go inside "station")</source>
            <translation>"{name}" no es un ajuste (los ajustes de estación van dentro de "station")</translation>
        </message>
        <message>
            <source>"{name}" must be text in quotes</source>
            <translation>"{name}" debe ser texto entre comillas</translation>
        </message>
        <message>
            <source>The settings file {path} cannot be used: {problem}. Correct it (JSON such as {example}), or remove it to use the default API address.</source>
            <translation>El archivo de ajustes {path} no se puede usar: {problem}. Corríjalo (JSON como {example}) o bórrelo para usar la dirección de API por defecto.</translation>
        </message>
        <message>
            <source>This computer's settings file {path}, set up by IT, cannot be used: {problem}. flxdesk sends nothing until IT corrects it.</source>
            <translation>El archivo de configuración de este equipo {path}, preparado por TI, no se puede usar: {problem}. flxdesk no envía nada hasta que TI lo corrija.</translation>
        </message>
        <message>
            <source>it cannot be read ({value})</source>
            <translation>no se puede leer ({value})</translation>
        </message>
        <message>
            <source>it is a folder, not a file</source>
            <translation>es una carpeta, no un archivo</translation>
        </message>
        <message>
            <source>it is not UTF-8 text (byte 0x{value} at position {start})</source>
            <translation>no es texto UTF-8 (byte 0x{value} en la posición {start})</translation>
        </message>
        <message>
            <source>it is not valid JSON ({msg}, line {lineno} column {colno})</source>
            <translation>no es JSON válido ({msg}, línea {lineno} columna {colno})</translation>
        </message>
        <message>
            <source>it must hold one JSON object</source>
            <translation>debe tener un objeto JSON</translation>
        </message>
        <message>
            <source>the station setting "{name}" cannot be {value}</source>
            <translation>el ajuste de estación "{name}" no puede ser {value}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source> ms</source>
            <translation> ms</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>0 keeps the armed status</source>
            <translation>0 mantiene el estado activo</translation>
        </message>
        <message>
            <source>0 turns the guard off</source>
            <translation>0 apaga la protección</translation>
        </message>
        <message>
            <source>A pause also ends a scan (scanners with no suffix)</source>
            <translation>Una pausa también termina un escaneo (escáneres sin sufijo)</translation>
        </message>
        <message>
            <source>A scan is at least</source>
            <translation>Un escaneo tiene al menos</translation>
        </message>
        <message>
            <source>Always</source>
            <translation>Siempre</translation>
        </message>
        <message>
            <source>Back to default after</source>
            <translation>Volver al estado por defecto tras</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Intro</translation>
        </message>
        <message>
            <source>Enter or Tab</source>
            <translation>Intro o Tab</translation>
        </message>
        <message>
            <source>Find out (scanner check, or either way when only one makes an ID)</source>
            <translation>Averiguarlo (prueba del escáner, o la lectura que dé un ID)</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Igual que el sistema</translation>
        </message>
        <message>
            <source>Greyed-out settings are set by IT for this computer.</source>
            <translation>Los ajustes en gris los fija TI para este equipo.</translation>
        </message>
        <message>
            <source>Hold a repeated scan for</source>
            <translation>Retener un escaneo repetido durante</translation>
        </message>
        <message>
            <source>It adds an AIM prefix, which flxdesk removes.</source>
            <translation>Añade un prefijo AIM, que flxdesk quita.</translation>
        </message>
        <message>
            <source>Keys of a scan at most</source>
            <translation>Teclas de un escaneo como mucho a</translation>
        </message>
        <message>
            <source>Mute sounds</source>
            <translation>Silenciar sonidos</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>Nunca</translation>
        </message>
        <message>
            <source>No scanner check yet.</source>
            <translation>Aún no se hizo la prueba del escáner.</translation>
        </message>
        <message>
            <source>Refuse scans until failures are acknowledged</source>
            <translation>No tomar escaneos hasta confirmar los fallos</translation>
        </message>
        <message>
            <source>Remove an AIM prefix (]C1)</source>
            <translation>Quitar un prefijo AIM (]C1)</translation>
        </message>
        <message>
            <source>Scanner</source>
            <translation>Escáner</translation>
        </message>
        <message>
            <source>Scanner &amp;check…</source>
            <translation>&amp;Prueba del escáner…</translation>
        </message>
        <message>
            <source>Send a held repeat if scanned again within</source>
            <translation>Enviar un repetido si se escanea otra vez antes de</translation>
        </message>
        <message>
            <source>Set by IT for this computer ({path})</source>
            <translation>Fijado por TI para este equipo ({path})</translation>
        </message>
        <message>
            <source>Set for a US keyboard (the factory setting)</source>
            <translation>Configurado para un teclado de EE. UU. (ajuste de fábrica)</translation>
        </message>
        <message>
            <source>Set for this computer's keyboard layout</source>
            <translation>Configurado para la distribución de teclado de este equipo</translation>
        </message>
        <message>
            <source>Station &amp;default status</source>
            <translation>&amp;Estado por defecto del puesto</translation>
        </message>
        <message>
            <source>Tab</source>
            <translation>Tab</translation>
        </message>
        <message>
            <source>The new language is used the next time flxdesk starts.</source>
            <translation>El idioma nuevo se usa la próxima vez que se abra flxdesk.</translation>
        </message>
        <message>
            <source>The scanner check found a scanner set for a US keyboard.</source>
            <translation>La prueba encontró un escáner configurado para un teclado de EE. UU.</translation>
        </message>
        <message>
            <source>The scanner check found a scanner set for this computer's layout.</source>
            <translation>La prueba encontró un escáner configurado para la distribución de este equipo.</translation>
        </message>
        <message>
            <source>The scanner ends a code with</source>
            <translation>El escáner termina cada código con</translation>
        </message>
        <message>
            <source>The scanner is</source>
            <translation>El escáner está</translation>
        </message>
        <message>
            <source>Volume</source>
            <translation>Volumen</translation>
        </message>
        <message>
            <source>When the scanner check saw one</source>
            <translation>Cuando la prueba del escáner lo vio</translation>
        </message>
        <message>
            <source>apart</source>
            <translation>de distancia</translation>
        </message>
        <message>
            <source>armed at start and after idle</source>
            <translation>activo al abrir y tras un rato sin uso</translation>
        </message>
        <message>
            <source>as the scanner is set up: most send Enter, some Tab</source>
            <translation>según la configuración del escáner: la mayoría envía Intro, algunos Tab</translation>
        </message>
        <message>
            <source>characters</source>
            <translation>caracteres</translation>
        </message>
        <message>
            <source>flxdesk settings</source>
            <translation>Ajustes de flxdesk</translation>
        </message>
        <message>
            <source>how its keys are meant: most scanners leave the factory set for US</source>
            <translation>cómo se entienden sus teclas: la mayoría sale de fábrica para EE. UU.</translation>
        </message>
        <message>
            <source>scan a test code and see</source>
            <translation>escanee un código de prueba y vea</translation>
        </message>
        <message>
            <source>some scanners add one before each code</source>
            <translation>algunos escáneres añaden uno antes de cada código</translation>
        </message>
        <message>
            <source>used from the next start</source>
            <translation>se usa desde la próxima apertura</translation>
        </message>
    </context>
    <context>
        <name>ShiftReport</name>
        <message>
            <source>(nobody signed in)</source>
            <translation>(nadie con sesión iniciada)</translation>
        </message>
        <message>
            <source>... and {more} more (--csv lists all)</source>
            <translation>... y {more} más (--csv los lista todos)</translation>
        </message>
        <message>
            <source>API token refused</source>
            <translation>Token de API rechazado</translation>
        </message>
        <message>
            <source>Connection failed</source>
            <translation>Falló la conexión</translation>
        </message>
        <message>
            <source>Could not be sent (no ID, unknown status, duplicate row)</source>
            <translation>No se pudo enviar (sin ID, estado desconocido, fila repetida)</translation>
        </message>
        <message>
            <source>Discarded by the person: it was held for another destination</source>
            <translation>Descartada por la persona: estaba retenida para otro destino</translation>
        </message>
        <message>
            <source>Flxpoint server error</source>
            <translation>Error del servidor de Flxpoint</translation>
        </message>
        <message>
            <source>No answer in time</source>
            <translation>Sin respuesta a tiempo</translation>
        </message>
        <message>
            <source>No network</source>
            <translation>Sin red</translation>
        </message>
        <message>
            <source>Not allowed for this API token</source>
            <translation>No permitido con este token de API</translation>
        </message>
        <message>
            <source>Order not found in Flxpoint</source>
            <translation>Pedido no encontrado en Flxpoint</translation>
        </message>
        <message>
            <source>Refused by Flxpoint (bad request)</source>
            <translation>Rechazada por Flxpoint (petición incorrecta)</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Enviada</translation>
        </message>
        <message>
            <source>Server's certificate not trusted by this computer (for IT)</source>
            <translation>Este equipo no confía en el certificado del servidor (para TI)</translation>
        </message>
        <message>
            <source>Too many requests: Flxpoint slowed sending down</source>
            <translation>Demasiadas peticiones: Flxpoint frenó el envío</translation>
        </message>
        <message>
            <source>Unexpected answer or error</source>
            <translation>Respuesta o error inesperado</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Desconocido</translation>
        </message>
        <message>
            <source>asked</source>
            <translation>pedidas</translation>
        </message>
        <message>
            <source>by operator</source>
            <translation>por operador</translation>
        </message>
        <message>
            <source>by status</source>
            <translation>por estado</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>anuladas</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>fallidas</translation>
        </message>
        <message>
            <source>failure reasons</source>
            <translation>motivos de fallo</translation>
        </message>
        <message>
            <source>failures, oldest first</source>
            <translation>fallos, el más antiguo primero</translation>
        </message>
        <message>
            <source>flxdesk shift summary: {period}</source>
            <translation>Resumen del turno de flxdesk: {period}</translation>
        </message>
        <message>
            <source>flxdesk shift summary: {period}, station {station}</source>
            <translation>Resumen del turno de flxdesk: {period}, puesto {station}</translation>
        </message>
        <message>
            <source>invalid</source>
            <translation>inválidas</translation>
        </message>
        <message>
            <source>longest gap</source>
            <translation>pausa más larga</translation>
        </message>
        <message>
            <source>nobody signed in during the period</source>
            <translation>nadie inició sesión en el periodo</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ninguno</translation>
        </message>
        <message>
            <source>orders/h</source>
            <translation>pedidos/h</translation>
        </message>
        <message>
            <source>orders/h: different orders per hour signed in, from the operator's first update to their last, a pause over {minutes} minutes counted as {minutes}</source>
            <translation>pedidos/h: pedidos distintos por hora con la sesión iniciada, de la primera actualización del operador a la última; una pausa de más de {minutes} minutos cuenta como {minutes}</translation>
        </message>
        <message>
            <source>per hour</source>
            <translation>por hora</translation>
        </message>
        <message>
            <source>sent</source>
            <translation>enviadas</translation>
        </message>
        <message>
            <source>total</source>
            <translation>total</translation>
        </message>
        <message>
            <source>updates: {total} ({counts})</source>
            <translation>actualizaciones: {total} ({counts})</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>en espera</translation>
        </message>
    </context>
    <context>
        <name>ShiftSummaryDialog</name>
        <message numerus="yes">
            <source>%n update(s): {counts}</source>
            <translation>
                <numerusform>%n actualización: {counts}</numerusform>
                <numerusform>%n actualizaciones: {counts}</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>&amp;Periodo:</translation>
        </message>
        <message>
            <source>All failures listed</source>
            <translation>Con todos los fallos</translation>
        </message>
        <message>
            <source>By status, failure reasons, updates per hour, per operator when anyone signed in, and the failures, oldest first</source>
            <translation>Por estado, motivos de fallo, actualizaciones por hora, por operador cuando alguien inició sesión, y los fallos, los más viejos primero</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>Close the shift summary</source>
            <translation>Cerrar el resumen del turno</translation>
        </message>
        <message>
            <source>One page to print</source>
            <translation>Una página para imprimir</translation>
        </message>
        <message>
            <source>Reading the floor…</source>
            <translation>Leyendo la planta…</translation>
        </message>
        <message>
            <source>Result of saving</source>
            <translation>Resultado de guardar</translation>
        </message>
        <message>
            <source>Save CSV…</source>
            <translation>Guardar CSV…</translation>
        </message>
        <message>
            <source>Save PDF…</source>
            <translation>Guardar PDF…</translation>
        </message>
        <message>
            <source>Save the shift summary as CSV</source>
            <translation>Guardar el resumen del turno como CSV</translation>
        </message>
        <message>
            <source>Save the shift summary as PDF</source>
            <translation>Guardar el resumen del turno como PDF</translation>
        </message>
        <message>
            <source>Saved {file}.</source>
            <translation>Guardado {file}.</translation>
        </message>
        <message>
            <source>Shift summary</source>
            <translation>Resumen del turno</translation>
        </message>
        <message>
            <source>The floor does not answer ({why}): choose This station, or try again.</source>
            <translation>La planta no responde ({why}): elija Este puesto, o inténtelo de nuevo.</translation>
        </message>
        <message>
            <source>The summary</source>
            <translation>El resumen</translation>
        </message>
        <message>
            <source>This station</source>
            <translation>Este puesto</translation>
        </message>
        <message>
            <source>Totals of the period</source>
            <translation>Totales del periodo</translation>
        </message>
        <message>
            <source>Updates of a period by result and status, failures, per hour</source>
            <translation>Actualizaciones de un periodo por resultado y estado, fallos, por hora</translation>
        </message>
        <message>
            <source>Whole floor</source>
            <translation>Toda la planta</translation>
        </message>
        <message>
            <source>Whose updates</source>
            <translation>De quién son las actualizaciones</translation>
        </message>
        <message>
            <source>{file} cannot be written: {problem}</source>
            <translation>No se puede escribir {file}: {problem}</translation>
        </message>
    </context>
    <context>
        <name>ShiftSummaryPdf</name>
        <message numerus="yes">
            <source>%n update(s)</source>
            <translation>
                <numerusform>%n actualización</numerusform>
                <numerusform>%n actualizaciones</numerusform>
            </translation>
        </message>
        <message>
            <source>... and {more} more failures: the CSV lists them all (flxdesk report --csv FILE).</source>
            <translation>... y {more} fallos más: el CSV los lista todos (flxdesk report --csv ARCHIVO).</translation>
        </message>
        <message>
            <source>... and {more} more operators: the CSV lists them all.</source>
            <translation>... y {more} operadores más: el CSV los lista todos.</translation>
        </message>
        <message>
            <source>By operator</source>
            <translation>Por operador</translation>
        </message>
        <message>
            <source>By status</source>
            <translation>Por estado</translation>
        </message>
        <message>
            <source>Failure reasons</source>
            <translation>Motivos de fallo</translation>
        </message>
        <message>
            <source>Failures, oldest first</source>
            <translation>Fallos, el más antiguo primero</translation>
        </message>
        <message>
            <source>Made {time}. Counts updates by when they were scanned or imported.</source>
            <translation>Hecho el {time}. Cuenta las actualizaciones según cuándo se escanearon o importaron.</translation>
        </message>
        <message>
            <source>Period: {period}</source>
            <translation>Periodo: {period}</translation>
        </message>
        <message>
            <source>Station: {station}</source>
            <translation>Puesto: {station}</translation>
        </message>
        <message>
            <source>Throughput per day</source>
            <translation>Ritmo por día</translation>
        </message>
        <message>
            <source>Throughput per hour</source>
            <translation>Ritmo por hora</translation>
        </message>
        <message>
            <source>asked</source>
            <translation>pedidas</translation>
        </message>
        <message>
            <source>failures</source>
            <translation>fallos</translation>
        </message>
        <message>
            <source>flxdesk shift summary</source>
            <translation>Resumen del turno de flxdesk</translation>
        </message>
        <message>
            <source>flxdesk shift summary: {period}</source>
            <translation>Resumen del turno de flxdesk: {period}</translation>
        </message>
        <message>
            <source>green: sent; red: failed; the tallest bar is {most} per day</source>
            <translation>verde: enviadas; rojo: fallidas; la barra más alta es {most} por día</translation>
        </message>
        <message>
            <source>green: sent; red: failed; the tallest bar is {most} per hour</source>
            <translation>verde: enviadas; rojo: fallidas; la barra más alta es {most} por hora</translation>
        </message>
        <message>
            <source>longest gap</source>
            <translation>pausa más larga</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ninguno</translation>
        </message>
        <message>
            <source>operator</source>
            <translation>operador</translation>
        </message>
        <message>
            <source>orders/h</source>
            <translation>pedidos/h</translation>
        </message>
        <message>
            <source>orders/h: different orders per hour signed in, from the operator's first update to their last; a pause over {minutes} minutes counts as {minutes}.</source>
            <translation>pedidos/h: pedidos distintos por hora con la sesión iniciada, de la primera actualización del operador a la última; una pausa de más de {minutes} minutos cuenta como {minutes}.</translation>
        </message>
        <message>
            <source>reason</source>
            <translation>motivo</translation>
        </message>
        <message>
            <source>status</source>
            <translation>estado</translation>
        </message>
        <message>
            <source>updates</source>
            <translation>actualizaciones</translation>
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message>
            <source>Badges are not used at this station: nothing done.</source>
            <translation>En esta estación no se usan gafetes: no se hizo nada.</translation>
        </message>
        <message>
            <source>Nobody is signed in.</source>
            <translation>No hay ninguna sesión iniciada.</translation>
        </message>
        <message>
            <source>Scan your badge first: {scan} was not sent.</source>
            <translation>Escanee primero su gafete: {scan} no se envió.</translation>
        </message>
        <message>
            <source>Signed in: {name} ({previous} signed out).</source>
            <translation>Sesión iniciada: {name} ({previous} cerró la sesión).</translation>
        </message>
        <message>
            <source>Signed in: {name}.</source>
            <translation>Sesión iniciada: {name}.</translation>
        </message>
        <message>
            <source>Too many wrong PINs for {name}: try again in {seconds} s.</source>
            <translation>Demasiados PIN incorrectos de {name}: inténtelo de nuevo en {seconds} s.</translation>
        </message>
        <message>
            <source>Unknown badge {badge}: nobody was signed in.</source>
            <translation>Gafete desconocido {badge}: no se inició ninguna sesión.</translation>
        </message>
        <message>
            <source>Wrong PIN for {name}: nobody was signed in.</source>
            <translation>PIN incorrecto de {name}: no se inició ninguna sesión.</translation>
        </message>
        <message>
            <source>{name} is signed in.</source>
            <translation>{name} tiene la sesión iniciada.</translation>
        </message>
        <message>
            <source>{name} signed out.</source>
            <translation>{name} cerró la sesión.</translation>
        </message>
        <message>
            <source>{name} was signed out after {minutes} idle minutes.</source>
            <translation>Se cerró la sesión de {name} tras {minutes} minutos sin actividad.</translation>
        </message>
        <message>
            <source>{name} was signed out: the badge is no longer set up.</source>
            <translation>Se cerró la sesión de {name}: el gafete ya no está configurado.</translation>
        </message>
        <message>
            <source>{name}: type your PIN.</source>
            <translation>{name}: escriba su PIN.</translation>
        </message>
    </context>
    <context>
        <name>Signature</name>
        <message>
            <source>"note_signature" has an unmatched { or }</source>
            <translation>"note_signature" tiene una { o } sin pareja</translation>
        </message>
        <message>
            <source>"note_signature" leaves too little room for the note</source>
            <translation>"note_signature" deja muy poco espacio para la nota</translation>
        </message>
        <message>
            <source>"note_signature" may use {{note}}, {{operator}} and {{station}}, not {names}</source>
            <translation>"note_signature" puede usar {{note}}, {{operator}} y {{station}}, no {names}</translation>
        </message>
        <message>
            <source>"note_signature" must be text in quotes</source>
            <translation>"note_signature" debe ser texto entre comillas</translation>
        </message>
        <message>
            <source>"note_signature" must hold {note}</source>
            <translation>"note_signature" debe contener {note}</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>Quit</source>
            <translation>Salir</translation>
        </message>
        <message>
            <source>Set it aside and start</source>
            <translation>Apartarlo y empezar</translation>
        </message>
        <message>
            <source>Something went wrong: {error}.

Updates already queued are safe in the history. Details are in the log:
{log_file}</source>
            <translation>Algo salió mal: {error}.

Las actualizaciones en cola están a salvo en el historial. Los datos están en el registro:
{log_file}</translation>
        </message>
        <message>
            <source>The history file that could not be read was kept as {kept} (nothing was deleted). flxdesk starts with a new, empty history. Give the old file to IT if its updates matter.</source>
            <translation>El archivo de historial que no se pudo leer se guardó como {kept} (no se borró nada). flxdesk empieza con un historial nuevo y vacío. Dé el archivo viejo a TI si sus actualizaciones importan.</translation>
        </message>
        <message>
            <source>flxdesk can set the file aside (rename it, next to where it is; nothing is deleted) and start a new, empty history. Updates that were queued in it are not sent; they stay in the old file.</source>
            <translation>flxdesk puede apartar el archivo (cambiarle el nombre, en la misma carpeta; no se borra nada) y empezar un historial nuevo y vacío. Las actualizaciones en cola en él no se envían; quedan en el archivo viejo.</translation>
        </message>
        <message>
            <source>flxdesk cannot start</source>
            <translation>flxdesk no puede arrancar</translation>
        </message>
        <message>
            <source>flxdesk: the history cannot be read</source>
            <translation>flxdesk: no se puede leer el historial</translation>
        </message>
        <message>
            <source>flxdesk: the old history was set aside</source>
            <translation>flxdesk: se apartó el historial viejo</translation>
        </message>
        <message>
            <source>flxdesk: unexpected error</source>
            <translation>flxdesk: error inesperado</translation>
        </message>
    </context>
    <context>
        <name>StationFeedback</name>
        <message>
            <source>(no ID)</source>
            <translation>(sin ID)</translation>
        </message>
        <message>
            <source>Failures acknowledged. Ready for the next scan.</source>
            <translation>Fallos confirmados. Listo para el siguiente escaneo.</translation>
        </message>
        <message>
            <source>Today: {sent} sent · {failed} failed</source>
            <translation>Hoy: enviadas {sent} · fallidas {failed}</translation>
        </message>
        <message>
            <source>{order} → {status}: queued; {why}, sent when it can be.</source>
            <translation>{order} → {status}: en cola; {why}, se envía cuando se pueda.</translation>
        </message>
        <message>
            <source>{order} → {status}: sending…</source>
            <translation>{order} → {status}: enviando…</translation>
        </message>
        <message>
            <source>{text} was not sent: scan it again.</source>
            <translation>{text} no se envió: escanéelo de nuevo.</translation>
        </message>
    </context>
    <context>
        <name>StationName</name>
        <message>
            <source>The station_name setting</source>
            <translation>El ajuste station_name</translation>
        </message>
        <message>
            <source>{source} cannot be used as the station's name: give 1 to {max_length} letters, digits or signs on one line (for example PACK-1).</source>
            <translation>{source} no se puede usar como nombre de la estación: indique de 1 a {max_length} letras, cifras o signos en una línea (por ejemplo PACK-1).</translation>
        </message>
    </context>
    <context>
        <name>StationPreferences</name>
        <message>
            <source>The zoom is set by IT on this computer.</source>
            <translation>El zoom lo fija TI en este equipo.</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>Canceled</source>
            <translation>Cancelado</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Cerrado</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fallido</translation>
        </message>
        <message>
            <source>No Shipping Method</source>
            <translation>Sin método de envío</translation>
        </message>
        <message>
            <source>Not Managed</source>
            <translation>No gestionado</translation>
        </message>
        <message>
            <source>On Hold</source>
            <translation>Retenido</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abierto</translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message numerus="yes">
            <source>; %n held for another destination</source>
            <translation>
                <numerusform>; %n retenida para otro destino</numerusform>
                <numerusform>; %n retenidas para otro destino</numerusform>
            </translation>
        </message>
        <message>
            <source>API: {url}</source>
            <translation>API: {url}</translation>
        </message>
        <message>
            <source>Demo token: no keychain used</source>
            <translation>Token de demo: sin llavero</translation>
        </message>
        <message>
            <source>Floor not reachable since {since}: pacing alone</source>
            <translation>Sin planta desde las {since}: a su propio ritmo</translation>
        </message>
        <message>
            <source>Floor: connecting…</source>
            <translation>Planta: conectando…</translation>
        </message>
        <message>
            <source>Floor: reachable</source>
            <translation>Planta: conectada</translation>
        </message>
        <message numerus="yes">
            <source>Flxpoint is not answering since {since}, %n waiting</source>
            <translation>
                <numerusform>Flxpoint no responde desde {since}, %n en espera</numerusform>
                <numerusform>Flxpoint no responde desde {since}, %n en espera</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>History cannot be written since {since}: %n waiting</source>
            <translation>
                <numerusform>No se puede escribir el historial desde {since}: %n en espera</numerusform>
                <numerusform>No se puede escribir el historial desde {since}: %n en espera</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No API token: %n waiting</source>
            <translation>
                <numerusform>Sin token de API: %n en espera</numerusform>
                <numerusform>Sin token de API: %n en espera</numerusform>
            </translation>
        </message>
        <message>
            <source>No API token: updates wait until one is set (Token menu)</source>
            <translation>Sin token de API: las actualizaciones esperan hasta que se ponga uno (menú Token)</translation>
        </message>
        <message>
            <source>Nobody signed in</source>
            <translation>Nadie ha iniciado sesión</translation>
        </message>
        <message>
            <source>Nobody signed in: scan your badge</source>
            <translation>Nadie ha iniciado sesión: escanee su gafete</translation>
        </message>
        <message>
            <source>Nothing waiting</source>
            <translation>Nada en espera</translation>
        </message>
        <message numerus="yes">
            <source>Offline: %n waiting, sent when the connection is back</source>
            <translation>
                <numerusform>Sin conexión: %n en espera, se envía cuando vuelva la conexión</numerusform>
                <numerusform>Sin conexión: %n en espera, se envían cuando vuelva la conexión</numerusform>
            </translation>
        </message>
        <message>
            <source>Operator signed in</source>
            <translation>Operador con sesión iniciada</translation>
        </message>
        <message numerus="yes">
            <source>Paused: %n waiting</source>
            <translation>
                <numerusform>En pausa: %n en espera</numerusform>
                <numerusform>En pausa: %n en espera</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Sending: %n waiting</source>
            <translation>
                <numerusform>Enviando: %n en espera</numerusform>
                <numerusform>Enviando: %n en espera</numerusform>
            </translation>
        </message>
        <message>
            <source>Station: {name}</source>
            <translation>Puesto: {name}</translation>
        </message>
        <message numerus="yes">
            <source>Stopped: %n waiting</source>
            <translation>
                <numerusform>Parado: %n en espera</numerusform>
                <numerusform>Parado: %n en espera</numerusform>
            </translation>
        </message>
        <message>
            <source>Token: checking the keychain…</source>
            <translation>Token: mirando el llavero…</translation>
        </message>
        <message>
            <source>Token: from the system keychain</source>
            <translation>Token: del llavero del sistema</translation>
        </message>
        <message>
            <source>Token: this session only (not saved)</source>
            <translation>Token: solo esta sesión (no guardado)</translation>
        </message>
    </context>
    <context>
        <name>StorageFaults</name>
        <message>
            <source> ({detail})</source>
            <translation> ({detail})</translation>
        </message>
        <message>
            <source>The disk holding the history file {path} is full: free some space on it (empty the recycle bin, delete large files you do not need).</source>
            <translation>El disco del archivo de historial {path} está lleno: libere espacio (vacíe la papelera, borre archivos grandes que no necesite).</translation>
        </message>
        <message>
            <source>The disk reported an error while reading or writing the history file {path}: ask IT to check the disk; do not delete the file.</source>
            <translation>El disco dio un error al leer o escribir el archivo de historial {path}: pida a TI que revise el disco; no borre el archivo.</translation>
        </message>
        <message>
            <source>The history file {path} cannot be used{reason}: check that the folder {parent} exists and that you may write to it.</source>
            <translation>El archivo de historial {path} no se puede usar{reason}: compruebe que la carpeta {parent} existe y que puede escribir en ella.</translation>
        </message>
        <message>
            <source>The history file {path} cannot be written, because it or its folder {parent} is read-only: ask IT to make the folder writable for you, or set FLXDESK_HOME to a folder you may write to.</source>
            <translation>No se puede escribir el archivo de historial {path} porque él o su carpeta {parent} es de solo lectura: pida a TI que le deje escribir en la carpeta, o ponga en FLXDESK_HOME una carpeta en la que pueda escribir.</translation>
        </message>
        <message>
            <source>The history file {path} is locked by another program (a backup or antivirus tool, or another copy of flxdesk): close that program or wait until it is done.</source>
            <translation>Otro programa bloquea el archivo de historial {path} (una copia de seguridad, un antivirus u otro flxdesk): cierre ese programa o espere a que termine.</translation>
        </message>
        <message>
            <source>The history file {path} is not a flxdesk history (it is damaged, or another program wrote over it): set it aside (rename or move it) to start a new history, or restore it from a backup.</source>
            <translation>El archivo {path} no es un historial de flxdesk (está dañado u otro programa escribió encima): apártelo (cámbielo de nombre o de sitio) para empezar un historial nuevo, o recupérelo de una copia.</translation>
        </message>
    </context>
    <context>
        <name>StoreSchema</name>
        <message>
            <source>The history file {path} was written by a newer flxdesk (history version {version}); this flxdesk reads history versions up to {schema_version}. Install the newer flxdesk again. The file was not changed.</source>
            <translation>El archivo de historial {path} lo escribió un flxdesk más nuevo (versión {version}); este flxdesk lee hasta la versión {schema_version}. Instale otra vez el flxdesk más nuevo. El archivo no se cambió.</translation>
        </message>
    </context>
    <context>
        <name>TextDecoding</name>
        <message>
            <source>line {line_of} has a byte (0x{value}) that is neither UTF-8 nor Windows text. Save it again from the spreadsheet as "CSV UTF-8" and import that.</source>
            <translation>la línea {line_of} tiene un byte (0x{value}) que no es texto UTF-8 ni de Windows. Guárdelo otra vez desde la hoja de cálculo como "CSV UTF-8" e importe ese.</translation>
        </message>
        <message>
            <source>line {line_of} has a byte (0x{value}) that is not UTF-8, while other parts of the file are UTF-8: the file mixes two text encodings. Save it again from the spreadsheet as "CSV UTF-8" and import that.</source>
            <translation>la línea {line_of} tiene un byte (0x{value}) que no es UTF-8, y otras partes del archivo sí lo son: el archivo mezcla dos codificaciones. Guárdelo otra vez desde la hoja de cálculo como "CSV UTF-8" e importe ese.</translation>
        </message>
    </context>
    <context>
        <name>TokenCommand</name>
        <message>
            <source>API token (not shown): </source>
            <translation>Token de la API (no se muestra): </translation>
        </message>
        <message>
            <source>The token given</source>
            <translation>El token indicado</translation>
        </message>
        <message>
            <source>The token is no longer in the keychain.</source>
            <translation>El token ya no está en el llavero.</translation>
        </message>
        <message>
            <source>The token is saved in the keychain. 'flxdesk token check' asks Flxpoint about it.</source>
            <translation>El token está guardado en el llavero. 'flxdesk token check' lo consulta con Flxpoint.</translation>
        </message>
    </context>
    <context>
        <name>TokenDialog</name>
        <message>
            <source>API token</source>
            <translation>Token de API</translation>
        </message>
        <message>
            <source>Flxpoint API token</source>
            <translation>Token de API de Flxpoint</translation>
        </message>
        <message>
            <source>Paste the API token from Flxpoint (Integrations → API). flxdesk keeps it in this computer's keychain (Windows Credential Manager, macOS Keychain), never in a file.</source>
            <translation>Pegue el token de API de Flxpoint (Integrations → API). flxdesk lo guarda en el llavero de este equipo (Administrador de credenciales de Windows, Llavero de macOS), nunca en un archivo.</translation>
        </message>
        <message>
            <source>Paste the API token from Flxpoint. It will be kept in memory only until flxdesk closes; you will be asked again next time.</source>
            <translation>Pegue el token de API de Flxpoint. Se guarda en memoria solo hasta cerrar flxdesk; se le pedirá otra vez la próxima vez.</translation>
        </message>
        <message>
            <source>Show token</source>
            <translation>Mostrar token</translation>
        </message>
    </context>
    <context>
        <name>TokenPrompts</name>
        <message>
            <source>Forget token</source>
            <translation>Olvidar token</translation>
        </message>
        <message>
            <source>Keychain not available</source>
            <translation>Llavero no disponible</translation>
        </message>
        <message>
            <source>Remove the saved API token from this computer's keychain? Updates will wait until a token is set again.</source>
            <translation>¿Quitar el token de API guardado del llavero de este equipo? Las actualizaciones esperarán hasta que se ponga otro token.</translation>
        </message>
        <message>
            <source>Use for this session only</source>
            <translation>Usar solo en esta sesión</translation>
        </message>
        <message>
            <source>flxdesk never saves the token in a file. It can keep the token in memory for this session only; you will be asked again the next time it starts.</source>
            <translation>flxdesk nunca guarda el token en un archivo. Puede guardarlo en memoria solo en esta sesión; se le pedirá otra vez la próxima vez que se abra.</translation>
        </message>
    </context>
    <context>
        <name>Updates</name>
        <message>
            <source>These could not be written to the history before flxdesk closed (it stayed locked, the disk stayed full, or a bulk update was still being written) and were not sent; nothing of them is in the history. Scan or import them again:</source>
            <translation>Esto no se pudo guardar en el historial antes de cerrar flxdesk (siguió bloqueado, el disco siguió lleno o aún se guardaba un lote) y no se envió; nada de ello está en el historial. Escanéelo o impórtelo otra vez:</translation>
        </message>
        <message numerus="yes">
            <source>the bulk update of %Ln row(s) from {source}</source>
            <translation>
                <numerusform>el lote de %Ln fila de {source}</numerusform>
                <numerusform>el lote de %Ln filas de {source}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… y %n más</numerusform>
                <numerusform>… y %n más</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UserGuide</name>
        <message>
            <source>The user guide is not installed with this copy.</source>
            <translation>La guía del usuario no está instalada con esta copia.</translation>
        </message>
        <message>
            <source>flxdesk user guide</source>
            <translation>Guía del usuario de flxdesk</translation>
        </message>
    </context>
    <context>
        <name>WindowMenus</name>
        <message>
            <source>&amp;Acknowledge failures</source>
            <translation>&amp;Confirmar fallos</translation>
        </message>
        <message>
            <source>&amp;Actual size</source>
            <translation>Tamaño &amp;real</translation>
        </message>
        <message>
            <source>&amp;Bulk</source>
            <translation>&amp;Lote</translation>
        </message>
        <message>
            <source>&amp;Bulk update…</source>
            <translation>Actualización por &amp;lote…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>&amp;Floor…</source>
            <translation>&amp;Planta…</translation>
        </message>
        <message>
            <source>&amp;Forget saved token</source>
            <translation>&amp;Olvidar el token guardado</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>A&amp;yuda</translation>
        </message>
        <message>
            <source>&amp;Print command barcodes…</source>
            <translation>&amp;Imprimir códigos de comando…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>&amp;Set or replace token…</source>
            <translation>&amp;Poner o cambiar token…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Ajustes…</translation>
        </message>
        <message>
            <source>&amp;Sign in…</source>
            <translation>&amp;Iniciar sesión…</translation>
        </message>
        <message>
            <source>&amp;Token</source>
            <translation>&amp;Token</translation>
        </message>
        <message>
            <source>&amp;User guide</source>
            <translation>&amp;Guía del usuario</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>O&amp;perator</source>
            <translation>&amp;Operador</translation>
        </message>
        <message>
            <source>Shift &amp;summary…</source>
            <translation>&amp;Resumen del turno…</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>&amp;Cerrar sesión</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>&amp;Acercar</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>A&amp;lejar</translation>
        </message>
    </context>
</TS>
