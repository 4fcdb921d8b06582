<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ActionPanel</name>
    <message>
        <source>Action check</source>
        <translation>Comprobación de la acción</translation>
    </message>
    <message>
        <source>Proposed action</source>
        <translation>Acción propuesta</translation>
    </message>
    <message>
        <source>Action t&amp;ype:</source>
        <translation>&amp;Tipo de acción:</translation>
    </message>
    <message>
        <source>Action type</source>
        <translation>Tipo de acción</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>&amp;Pedido:</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Changed f&amp;ield:</source>
        <translation>Dato &amp;cambiado:</translation>
    </message>
    <message>
        <source>Account detail changed</source>
        <translation>Dato de la cuenta cambiado</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>&amp;Importe:</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>&amp;Moneda:</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <source>&amp;Refund method:</source>
        <translation>Método de &amp;reembolso:</translation>
    </message>
    <message>
        <source>Refund method</source>
        <translation>Método de reembolso</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>Moti&amp;vo:</translation>
    </message>
    <message>
        <source>Reason for the claim</source>
        <translation>Motivo de la reclamación</translation>
    </message>
    <message>
        <source>Return required</source>
        <translation>Requiere devolución</translation>
    </message>
    <message>
        <source>Return re&amp;quired first</source>
        <translation>Requiere &amp;devolución previa</translation>
    </message>
    <message>
        <source>Check the action against policy</source>
        <translation>Comprobar la acción con la política</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>C&amp;omprobar</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Verdict icon</source>
        <translation>Icono del veredicto</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Policies that fired</source>
        <translation>Políticas aplicadas</translation>
    </message>
    <message>
        <source>Cancel the action</source>
        <translation>Cancelar la acción</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>Cance&amp;lar</translation>
    </message>
    <message>
        <source>Proceed anyway with a recorded override</source>
        <translation>Continuar de todos modos con una anulación registrada</translation>
    </message>
    <message>
        <source>&amp;Proceed anyway…</source>
        <translation>Co&amp;ntinuar de todos modos…</translation>
    </message>
    <message>
        <source>Message icon</source>
        <translation>Icono del mensaje</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Report suspected fraud</source>
        <translation>Informar de sospecha de fraude</translation>
    </message>
    <message>
        <source>R&amp;eport suspected fraud…</source>
        <translation>Informar de sospecha de &amp;fraude…</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Case context</source>
        <translation>Contexto del caso</translation>
    </message>
    <message>
        <source>Case status</source>
        <translation>Estado del caso</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Fetch the case again</source>
        <translation>Volver a obtener el caso</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>Detalles del caso</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
</context>
<context>
    <name>CueExplanation</name>
    <message>
        <source>An explicit push for speed (&quot;do it now&quot;, &quot;hurry&quot;) meant to make you skip steps; a date stated as a fact is not this cue.</source>
        <translation>Una presión explícita para ir rápido («hazlo ya», «date prisa») para que se salte pasos; una fecha mencionada como hecho no es este indicio.</translation>
    </message>
    <message>
        <source>A claim of rank, status or prior approval (&quot;your supervisor already approved it&quot;) meant to override the process.</source>
        <translation>Una invocación de rango, estatus o aprobación previa («su supervisor ya lo aprobó») para saltarse el proceso.</translation>
    </message>
    <message>
        <source>Avoiding, shortcutting or refusing identity verification (&quot;skip the security questions&quot;, &quot;just use this email&quot;).</source>
        <translation>Evitar, acortar o rechazar la verificación de identidad («sáltese las preguntas de seguridad», «use este correo»).</translation>
    </message>
    <message>
        <source>Moving contact or payment off the official channels (Telegram, a personal phone or email), where nothing is recorded.</source>
        <translation>Llevar el contacto o el pago fuera de los canales oficiales (Telegram, un teléfono o correo personal), donde nada queda registrado.</translation>
    </message>
    <message>
        <source>Offering you money, a gift, a cut or a side job: an attempt to recruit you, to be reported, never negotiated.</source>
        <translation>Ofrecerle dinero, un regalo, una comisión o un trabajo extra: un intento de captarle que se denuncia y nunca se negocia.</translation>
    </message>
    <message>
        <source>Vocabulary of the refunding scene (DNA, EB, FTID, boxing, &quot;pro refunder&quot;): the customer knows the playbook.</source>
        <translation>Vocabulario del mundo del fraude de reembolsos (DNA, EB, FTID, boxing, «pro refunder»): el cliente conoce el manual.</translation>
    </message>
    <message>
        <source>Says the parcel never arrived: neutral evidence on its own, to be weighed against the delivery record.</source>
        <translation>Dice que el paquete nunca llegó: por sí solo es un indicio neutro, que hay que contrastar con el registro de entrega.</translation>
    </message>
    <message>
        <source>Says the box was empty, the item wrong or swapped, or parts missing: neutral evidence, the core of the empty-box scheme.</source>
        <translation>Dice que la caja llegó vacía, que el artículo es erróneo o fue cambiado, o que faltan piezas: indicio neutro, el núcleo del fraude de la caja vacía.</translation>
    </message>
    <message>
        <source>Asks to change the email, phone, password, address or payment method during the contact: a sign of a taken-over account.</source>
        <translation>Pide cambiar el correo, el teléfono, la contraseña, la dirección o el método de pago durante el contacto: señal de una cuenta robada.</translation>
    </message>
    <message>
        <source>Wants the refund paid somewhere other than the original payment method (gift card, another account, crypto).</source>
        <translation>Quiere el reembolso en un medio distinto del método de pago original (tarjeta regalo, otra cuenta, criptomonedas).</translation>
    </message>
    <message>
        <source>Sends you a URL or file link, whatever it claims to be: it may be phishing or a forged proof.</source>
        <translation>Le envía una URL o un enlace a un archivo, diga lo que diga que es: puede ser phishing o una prueba falsificada.</translation>
    </message>
    <message>
        <source>Asks you for internal data, logins, codes, account details on file or screenshots of your tools, or to install software.</source>
        <translation>Le pide datos internos, accesos, códigos, datos de la cuenta registrados o capturas de sus herramientas, o que instale software.</translation>
    </message>
    <message>
        <source>Threats or emotional leverage (a chargeback, a public post, a lawyer, your job) to make you give in.</source>
        <translation>Amenazas o presión emocional (un contracargo, una publicación, un abogado, su empleo) para que ceda.</translation>
    </message>
    <message>
        <source>Tells you which internal action or exception to use (&quot;mark it as lost in transit&quot;): customers rarely know those names.</source>
        <translation>Le dice qué acción interna o excepción usar («márquelo como perdido en tránsito»): los clientes rara vez conocen esos nombres.</translation>
    </message>
    <message>
        <source>You disclosed account details (full address, email, phone, more than the last four card digits) to someone not yet verified.</source>
        <translation>Ha revelado datos de la cuenta (dirección completa, correo, teléfono, más de los cuatro últimos dígitos de la tarjeta) a alguien aún no verificado.</translation>
    </message>
    <message>
        <source>You agreed to or proposed contact outside the official channels.</source>
        <translation>Ha aceptado o propuesto un contacto fuera de los canales oficiales.</translation>
    </message>
    <message>
        <source>You promised a refund or an exception before the checks were done.</source>
        <translation>Ha prometido un reembolso o una excepción antes de terminar las comprobaciones.</translation>
    </message>
</context>
<context>
    <name>CueTitle</name>
    <message>
        <source>Artificial time pressure</source>
        <translation>Presión de tiempo artificial</translation>
    </message>
    <message>
        <source>Claimed rank or prior approval</source>
        <translation>Rango o aprobación previa alegados</translation>
    </message>
    <message>
        <source>Avoiding identity verification</source>
        <translation>Evita la verificación de identidad</translation>
    </message>
    <message>
        <source>Moving contact off official channels</source>
        <translation>Saca el contacto de los canales oficiales</translation>
    </message>
    <message>
        <source>Offering the agent money or a side job</source>
        <translation>Ofrece al agente dinero o un trabajo extra</translation>
    </message>
    <message>
        <source>Refund-scene vocabulary</source>
        <translation>Jerga del fraude de reembolsos</translation>
    </message>
    <message>
        <source>Says the parcel never arrived</source>
        <translation>Dice que el paquete nunca llegó</translation>
    </message>
    <message>
        <source>Empty box, wrong or missing item</source>
        <translation>Caja vacía, artículo equivocado o que falta</translation>
    </message>
    <message>
        <source>Changes account details during the contact</source>
        <translation>Cambia datos de la cuenta durante el contacto</translation>
    </message>
    <message>
        <source>Refund to another payment method</source>
        <translation>Reembolso a otro método de pago</translation>
    </message>
    <message>
        <source>Sends a link</source>
        <translation>Envía un enlace</translation>
    </message>
    <message>
        <source>Asks for internal data or codes</source>
        <translation>Pide datos internos o códigos</translation>
    </message>
    <message>
        <source>Threats or emotional leverage</source>
        <translation>Amenazas o presión emocional</translation>
    </message>
    <message>
        <source>Tells the agent which internal action to use</source>
        <translation>Indica al agente qué acción interna usar</translation>
    </message>
    <message>
        <source>Agent discloses account PII</source>
        <translation>El agente revela datos personales de la cuenta</translation>
    </message>
    <message>
        <source>Agent moves contact off platform</source>
        <translation>El agente saca el contacto de la plataforma</translation>
    </message>
    <message>
        <source>Agent promises before checks</source>
        <translation>El agente promete antes de comprobar</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Proceed against policy</source>
        <translation>Continuar contra la política</translation>
    </message>
    <message>
        <source>What an override means</source>
        <translation>Qué significa una anulación</translation>
    </message>
    <message>
        <source>You are about to go ahead against this decision. Your reason, the decision and the evidence are written to the audit log, and a supervisor reviews every override.</source>
        <translation>Va a seguir adelante en contra de esta decisión. Su motivo, la decisión y las pruebas se escriben en el registro de auditoría, y un supervisor revisa cada anulación.</translation>
    </message>
    <message>
        <source>Verdict icon</source>
        <translation>Icono del veredicto</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Policies that fired</source>
        <translation>Políticas aplicadas</translation>
    </message>
    <message>
        <source>Reason c&amp;ategory:</source>
        <translation>&amp;Categoría del motivo:</translation>
    </message>
    <message>
        <source>Reason category</source>
        <translation>Categoría del motivo</translation>
    </message>
    <message>
        <source>Choose a category</source>
        <translation>Elija una categoría</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Motivo de la anulación</translation>
    </message>
    <message>
        <source>Who approved it, or how you verified the customer</source>
        <translation>Quién lo aprobó, o cómo verificó al cliente</translation>
    </message>
    <message>
        <source>Reason length</source>
        <translation>Longitud del motivo</translation>
    </message>
    <message>
        <source>I take responsibility for this override</source>
        <translation>Asumo la responsabilidad de esta anulación</translation>
    </message>
    <message>
        <source>I &amp;take responsibility for this override, and the reason above is true.</source>
        <translation>&amp;Asumo la responsabilidad de esta anulación y el motivo indicado es cierto.</translation>
    </message>
    <message>
        <source>Error icon</source>
        <translation>Icono de error</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Botones del diálogo</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Refund Guard — Override Review</source>
        <translation>Refund Guard — Revisión de anulaciones</translation>
    </message>
    <message>
        <source>&amp;Overrides</source>
        <translation>Anula&amp;ciones</translation>
    </message>
    <message>
        <source>Fro&amp;m (UTC):</source>
        <translation>&amp;Desde (UTC):</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha inicial</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>To date, inclusive</source>
        <translation>Fecha final, incluida</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>A&amp;gente:</translation>
    </message>
    <message>
        <source>any agent</source>
        <translation>cualquier agente</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>T&amp;eam:</source>
        <translation>&amp;Equipo:</translation>
    </message>
    <message>
        <source>any team</source>
        <translation>cualquier equipo</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>&amp;Policy:</source>
        <translation>&amp;Política:</translation>
    </message>
    <message>
        <source>any policy</source>
        <translation>cualquier política</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Política</translation>
    </message>
    <message>
        <source>C&amp;ue:</source>
        <translation>&amp;Indicio:</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>Indicio</translation>
    </message>
    <message>
        <source>Ris&amp;k:</source>
        <translation>&amp;Riesgo:</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Nivel de riesgo</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <source>Disposition status</source>
        <translation>Estado del dictamen</translation>
    </message>
    <message>
        <source>Searc&amp;h:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>words in reasons and evidence</source>
        <translation>palabras en motivos y pruebas</translation>
    </message>
    <message>
        <source>Search reasons and evidence</source>
        <translation>Buscar en motivos y pruebas</translation>
    </message>
    <message>
        <source>&amp;Saved:</source>
        <translation>G&amp;uardados:</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Filtros guardados</translation>
    </message>
    <message>
        <source>Save F&amp;ilter…</source>
        <translation>Guardar &amp;filtro…</translation>
    </message>
    <message>
        <source>Keep the current filter under a name</source>
        <translation>Guardar el filtro actual con un nombre</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>Forget the selected saved filter</source>
        <translation>Olvidar el filtro guardado seleccionado</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Anulaciones</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>Estado de la cadena</translation>
    </message>
    <message>
        <source>Override details</source>
        <translation>Detalles de la anulación</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>why: required; Ctrl+1…4 records from here</source>
        <translation>por qué: obligatoria; Ctrl+1…4 registra desde aquí</translation>
    </message>
    <message>
        <source>Disposition note</source>
        <translation>Nota del dictamen</translation>
    </message>
    <message>
        <source>1 Justified</source>
        <translation>1 Justificada</translation>
    </message>
    <message>
        <source>Record the override as justified (1)</source>
        <translation>Registrar la anulación como justificada (1)</translation>
    </message>
    <message>
        <source>2 Coaching needed</source>
        <translation>2 Necesita formación</translation>
    </message>
    <message>
        <source>Record that the agent needs coaching (2)</source>
        <translation>Registrar que el agente necesita formación (2)</translation>
    </message>
    <message>
        <source>3 Suspected collusion</source>
        <translation>3 Sospecha de colusión</translation>
    </message>
    <message>
        <source>Record suspected collusion (3)</source>
        <translation>Registrar sospecha de colusión (3)</translation>
    </message>
    <message>
        <source>4 Confirmed fraud</source>
        <translation>4 Fraude confirmado</translation>
    </message>
    <message>
        <source>Record confirmed fraud (4)</source>
        <translation>Registrar fraude confirmado (4)</translation>
    </message>
    <message>
        <source>Out&amp;liers</source>
        <translation>Casos atípic&amp;os</translation>
    </message>
    <message>
        <source>&amp;Analyse Period</source>
        <translation>Anali&amp;zar periodo</translation>
    </message>
    <message>
        <source>Rank the agents of the filter&apos;s period and team against their peers</source>
        <translation>Clasificar a los agentes del periodo y equipo del filtro frente a sus compañeros</translation>
    </message>
    <message>
        <source>Ranked agents</source>
        <translation>Agentes clasificados</translation>
    </message>
    <message>
        <source>Why the agent stands out</source>
        <translation>Por qué destaca el agente</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>Gráfico&amp;s</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>T&amp;riage</source>
        <translation>Dicta&amp;men</translation>
    </message>
    <message>
        <source>Export &amp;PDF Report…</source>
        <translation>Exportar informe &amp;PDF…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Unreviewed Queue</source>
        <translation>Cola de &amp;no revisadas</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation>&amp;Borrar filtros</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Next Override</source>
        <translation>Anulación &amp;siguiente</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>&amp;Previous Override</source>
        <translation>Anulación an&amp;terior</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>&amp;1 Justified</source>
        <translation>&amp;1 Justificada</translation>
    </message>
    <message>
        <source>&amp;2 Coaching Needed</source>
        <translation>&amp;2 Necesita formación</translation>
    </message>
    <message>
        <source>&amp;3 Suspected Collusion</source>
        <translation>&amp;3 Sospecha de colusión</translation>
    </message>
    <message>
        <source>&amp;4 Confirmed Fraud</source>
        <translation>&amp;4 Fraude confirmado</translation>
    </message>
</context>
<context>
    <name>SidebarWindow</name>
    <message>
        <source>Refund Guard</source>
        <translation>Refund Guard</translation>
    </message>
    <message>
        <source>C&amp;hat:</source>
        <translation>C&amp;hat:</translation>
    </message>
    <message>
        <source>Open conversations</source>
        <translation>Conversaciones abiertas</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Top reasons</source>
        <translation>Motivos principales</translation>
    </message>
    <message>
        <source>New strong cue</source>
        <translation>Nuevo indicio fuerte</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Señales</translation>
    </message>
    <message>
        <source>Conversation details</source>
        <translation>Detalles de la conversación</translation>
    </message>
    <message>
        <source>&amp;Transcript</source>
        <translation>&amp;Transcripción</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Caso</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>Acció&amp;n</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Stay on &amp;top</source>
        <translation>Siempre &amp;visible</translation>
    </message>
    <message>
        <source>&amp;Next chat</source>
        <translation>Chat si&amp;guiente</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>&amp;Previous chat</source>
        <translation>Chat an&amp;terior</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <source>Go to &amp;signals</source>
        <translation>Ir a las seña&amp;les</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
</context>
<context>
    <name>TrainerWindow</name>
    <message>
        <source>Refund Guard — Trainer</source>
        <translation>Refund Guard — Formador</translation>
    </message>
    <message>
        <source>&amp;Trainee:</source>
        <translation>&amp;Alumno:</translation>
    </message>
    <message>
        <source>Trainee name</source>
        <translation>Nombre del alumno</translation>
    </message>
    <message>
        <source>Name of the trainee</source>
        <translation>Nombre del alumno</translation>
    </message>
    <message>
        <source>&amp;Cohort:</source>
        <translation>&amp;Grupo:</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Optional, e.g. 2026-11 new hires</source>
        <translation>Opcional, p. ej. nuevas incorporaciones 2026-11</translation>
    </message>
    <message>
        <source>&amp;Scenarios (select one or more; they run in the order listed):</source>
        <translation>&amp;Escenarios (seleccione uno o varios; se ejecutan en el orden de la lista):</translation>
    </message>
    <message>
        <source>Scenario library</source>
        <translation>Biblioteca de escenarios</translation>
    </message>
    <message>
        <source>&amp;Assist: show the engine&apos;s live cue highlights and risk, as on shift</source>
        <translation>Asis&amp;tente: mostrar los indicios y el riesgo del motor en directo, como en un turno real</translation>
    </message>
    <message>
        <source>Assist</source>
        <translation>Asistente</translation>
    </message>
    <message>
        <source>Off: the trainee finds the cues by their own eye, which is what the score then measures.</source>
        <translation>Desactivado: el alumno detecta los indicios por sí mismo, que es lo que mide la puntuación.</translation>
    </message>
    <message>
        <source>Session status</source>
        <translation>Estado de la sesión</translation>
    </message>
    <message>
        <source>Training r&amp;esults…</source>
        <translation>&amp;Resultados de la formación…</translation>
    </message>
    <message>
        <source>Show the training results</source>
        <translation>Mostrar los resultados de la formación</translation>
    </message>
    <message>
        <source>Compare trainees: scores with and without the assist, progress over time, CSV export</source>
        <translation>Comparar alumnos: puntuaciones con y sin asistente, progreso en el tiempo, exportación CSV</translation>
    </message>
    <message>
        <source>S&amp;tart training</source>
        <translation>&amp;Iniciar la formación</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Iniciar la formación</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>The customer is typing…</source>
        <translation>El cliente está escribiendo…</translation>
    </message>
    <message>
        <source>Customer typing</source>
        <translation>Cliente escribiendo</translation>
    </message>
    <message>
        <source>Repl&amp;y:</source>
        <translation>Res&amp;puesta:</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>Su respuesta</translation>
    </message>
    <message>
        <source>Type your reply and press Enter</source>
        <translation>Escriba su respuesta y pulse Intro</translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation>E&amp;nviar</translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation>Enviar la respuesta</translation>
    </message>
    <message>
        <source>Flag a customer message</source>
        <translation>Marcar un mensaje del cliente</translation>
    </message>
    <message>
        <source>Customer &amp;messages:</source>
        <translation>Mensajes del c&amp;liente:</translation>
    </message>
    <message>
        <source>Customer messages</source>
        <translation>Mensajes del cliente</translation>
    </message>
    <message>
        <source>C&amp;ue:</source>
        <translation>&amp;Indicio:</translation>
    </message>
    <message>
        <source>Cue to flag</source>
        <translation>Indicio que marcar</translation>
    </message>
    <message>
        <source>&amp;Flag</source>
        <translation>&amp;Marcar</translation>
    </message>
    <message>
        <source>Flag the selected message with the cue</source>
        <translation>Marcar el mensaje seleccionado con el indicio</translation>
    </message>
    <message>
        <source>Last flag</source>
        <translation>Última marca</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <source>Trainee actions</source>
        <translation>Acciones del alumno</translation>
    </message>
    <message>
        <source>&amp;Verified identity</source>
        <translation>Identidad &amp;verificada</translation>
    </message>
    <message>
        <source>Verified identity</source>
        <translation>Identidad verificada</translation>
    </message>
    <message>
        <source>&amp;Refused</source>
        <translation>&amp;Rechazado</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>&amp;Offered refund</source>
        <translation>Reembolso &amp;ofrecido</translation>
    </message>
    <message>
        <source>Offered refund</source>
        <translation>Reembolso ofrecido</translation>
    </message>
    <message>
        <source>Check an action, override, report fraud</source>
        <translation>Comprobar una acción, anular, informar de fraude</translation>
    </message>
    <message>
        <source>Policy check</source>
        <translation>Comprobación de políticas</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>Informe final</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Actions against policy</source>
        <translation>Acciones contra la política</translation>
    </message>
    <message>
        <source>Result storage</source>
        <translation>Almacenamiento de resultados</translation>
    </message>
    <message>
        <source>Transcript with your &amp;flags:</source>
        <translation>Transcripción con sus &amp;marcas:</translation>
    </message>
    <message>
        <source>Transcript with flags, misses and false flags</source>
        <translation>Transcripción con marcas, omisiones y marcas erróneas</translation>
    </message>
    <message>
        <source>&amp;Next scenario</source>
        <translation>Escenario &amp;siguiente</translation>
    </message>
    <message>
        <source>Next scenario</source>
        <translation>Escenario siguiente</translation>
    </message>
    <message>
        <source>F&amp;inish</source>
        <translation>&amp;Terminar</translation>
    </message>
    <message>
        <source>Finish the session</source>
        <translation>Terminar la sesión</translation>
    </message>
    <message>
        <source>&amp;Back to the setup</source>
        <translation>&amp;Volver a la preparación</translation>
    </message>
    <message>
        <source>Back to the setup</source>
        <translation>Volver a la preparación</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Refund Guard cannot start</source>
        <translation>Refund Guard no puede iniciarse</translation>
    </message>
    <message>
        <source>The agent sidebar: live cues, case context, action checks and audited overrides.</source>
        <translation>La barra lateral del agente: indicios en directo, contexto del caso, comprobación de acciones y anulaciones auditadas.</translation>
    </message>
    <message>
        <source>cannot create a temporary folder for the demo: %1</source>
        <translation>no se puede crear una carpeta temporal para la demostración: %1</translation>
    </message>
    <message>
        <source>there is no audit log at %1 (settings key %2)</source>
        <translation>no hay ningún registro de auditoría en %1 (clave de configuración %2)</translation>
    </message>
    <message>
        <source>%1 (demo: generated records)</source>
        <translation>%1 (demostración: registros generados)</translation>
    </message>
    <message>
        <source>%1 (demo: results are removed at exit)</source>
        <translation>%1 (demostración: los resultados se borran al salir)</translation>
    </message>
    <message>
        <source>Demo trainee</source>
        <translation>Alumno de demostración</translation>
    </message>
    <message>
        <source>there is no scenario &quot;%1&quot; in the library</source>
        <translation>no hay ningún escenario «%1» en la biblioteca</translation>
    </message>
    <message>
        <source>cannot create the data folder %1</source>
        <translation>no se puede crear la carpeta de datos %1</translation>
    </message>
    <message>
        <source>Bridge on 127.0.0.1:%1</source>
        <translation>Puente en 127.0.0.1:%1</translation>
    </message>
    <message>
        <source>Bridge off: %1</source>
        <translation>Puente desactivado: %1</translation>
    </message>
    <message>
        <source>AUDIT LOG UNAVAILABLE — overrides cannot be recorded</source>
        <translation>REGISTRO DE AUDITORÍA NO DISPONIBLE: no se pueden registrar anulaciones</translation>
    </message>
    <message>
        <source>Chatwoot %1</source>
        <translation>Chatwoot %1</translation>
    </message>
    <message>
        <source>Demo finished.</source>
        <translation>Demostración terminada.</translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation>&amp;Demostración</translation>
    </message>
    <message>
        <source>Speed ×%1</source>
        <translation>Velocidad ×%1</translation>
    </message>
    <message>
        <source>Demo ×%1</source>
        <translation>Demostración ×%1</translation>
    </message>
    <message>
        <source>Pack of %1</source>
        <translation>Paquete del %1</translation>
    </message>
    <message>
        <source>OLD PACK of %1</source>
        <translation>PAQUETE ANTIGUO del %1</translation>
    </message>
    <message>
        <source>BUILT-IN PACK</source>
        <translation>PAQUETE INTEGRADO</translation>
    </message>
</context>
<context>
    <name>rg::review::OverrideModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Políticas</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Dictamen</translation>
    </message>
</context>
<context>
    <name>rg::ui::ActionPanel</name>
    <message>
        <source>Refund</source>
        <translation>Reembolso</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Sustitución</translation>
    </message>
    <message>
        <source>Concession (goodwill credit)</source>
        <translation>Concesión (crédito de cortesía)</translation>
    </message>
    <message>
        <source>Account change</source>
        <translation>Cambio en la cuenta</translation>
    </message>
    <message>
        <source>Original payment method</source>
        <translation>Método de pago original</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Crédito en tienda</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Tarjeta regalo</translation>
    </message>
    <message>
        <source>Another person&apos;s account</source>
        <translation>Cuenta de otra persona</translation>
    </message>
    <message>
        <source>Cryptocurrency</source>
        <translation>Criptomoneda</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>No indicado</translation>
    </message>
    <message>
        <source>Did not arrive</source>
        <translation>No llegó</translation>
    </message>
    <message>
        <source>Empty box</source>
        <translation>Caja vacía</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Artículo erróneo</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Dañado</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Método de pago</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Número de pedido</translation>
    </message>
    <message>
        <source>%1, %2 %3</source>
        <translation>%1, %2 %3</translation>
    </message>
    <message>
        <source>%1: %2, %3 %4</source>
        <translation>%1: %2, %3 %4</translation>
    </message>
    <message>
        <source>No specific order</source>
        <translation>Ningún pedido concreto</translation>
    </message>
    <message>
        <source>%1 (not in this case)</source>
        <translation>%1 (no está en este caso)</translation>
    </message>
    <message>
        <source>The action could not be checked: %1</source>
        <translation>No se pudo comprobar la acción: %1</translation>
    </message>
    <message>
        <source>the conversation was closed</source>
        <translation>la conversación se cerró</translation>
    </message>
    <message>
        <source>Override noted for your debrief (practice: nothing is written to the audit log). You may go ahead.</source>
        <translation>Anulación anotada para su informe final (práctica: no se escribe nada en el registro de auditoría). Puede continuar.</translation>
    </message>
    <message>
        <source>Override recorded in the audit log (record %1). You may go ahead.</source>
        <translation>Anulación registrada en el registro de auditoría (registro %1). Puede continuar.</translation>
    </message>
    <message>
        <source>Report suspected fraud</source>
        <translation>Informar de sospecha de fraude</translation>
    </message>
    <message>
        <source>What makes you suspect fraud? A short &amp;note for the fraud team:</source>
        <translation>¿Qué le hace sospechar de fraude? Una breve &amp;nota para el equipo antifraude:</translation>
    </message>
    <message>
        <source>Note prompt</source>
        <translation>Indicación para la nota</translation>
    </message>
    <message>
        <source>Note for the fraud team</source>
        <translation>Nota para el equipo antifraude</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Botones del diálogo</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Informar</translation>
    </message>
    <message>
        <source>Send the report</source>
        <translation>Enviar el informe</translation>
    </message>
    <message>
        <source>Cancel the report</source>
        <translation>Cancelar el informe</translation>
    </message>
    <message>
        <source>The report was NOT recorded: the conversation was closed.</source>
        <translation>El informe NO se registró: la conversación se cerró.</translation>
    </message>
    <message>
        <source>The report was NOT recorded: %1. Nothing was saved; try again.</source>
        <translation>El informe NO se registró: %1. No se guardó nada; inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Suspected fraud reported (practice: noted for your debrief, not sent).</source>
        <translation>Sospecha de fraude comunicada (práctica: anotada para su informe final, no enviada).</translation>
    </message>
    <message>
        <source>Suspected fraud reported (audit record %1).</source>
        <translation>Sospecha de fraude comunicada (registro de auditoría %1).</translation>
    </message>
</context>
<context>
    <name>rg::ui::CasePanel</name>
    <message>
        <source>unknown time</source>
        <translation>hora desconocida</translation>
    </message>
    <message>
        <source>No conversation selected.</source>
        <translation>Ninguna conversación seleccionada.</translation>
    </message>
    <message>
        <source>No case is linked to this chat yet.</source>
        <translation>Todavía no hay ningún caso vinculado a este chat.</translation>
    </message>
    <message>
        <source>Loading case %1…</source>
        <translation>Cargando el caso %1…</translation>
    </message>
    <message>
        <source>Case %1 from %2, fetched %3.</source>
        <translation>Caso %1 de %2, obtenido %3.</translation>
    </message>
    <message>
        <source>Out of date: showing case %1 as of %2. Refreshing failed: %3</source>
        <translation>Desactualizado: se muestra el caso %1 tal como estaba el %2. La actualización falló: %3</translation>
    </message>
    <message>
        <source>Case %1 could not be loaded: %2</source>
        <translation>No se pudo cargar el caso %1: %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Account age</source>
        <translation>Antigüedad de la cuenta</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identidad</translation>
    </message>
    <message>
        <source>New device</source>
        <translation>Dispositivo nuevo</translation>
    </message>
    <message>
        <source>Orders (%1)</source>
        <translation>Pedidos (%1)</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Pruebas</translation>
    </message>
    <message>
        <source>photo %1 · GPS %2 · signature %3</source>
        <translation>foto %1 · GPS %2 · firma %3</translation>
    </message>
    <message>
        <source>Carrier investigation</source>
        <translation>Investigación del transportista</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Claim history (%1 in %2 days)</source>
        <translation>Historial de reclamaciones (%1 en %2 días)</translation>
    </message>
    <message>
        <source>Account changes (%1)</source>
        <translation>Cambios en la cuenta (%1)</translation>
    </message>
    <message>
        <source>%1 via %2: %3 → %4</source>
        <translation>%1 por %2: %3 → %4</translation>
    </message>
    <message>
        <source>Linked accounts (%1)</source>
        <translation>Cuentas vinculadas (%1)</translation>
    </message>
    <message>
        <source>shares %1</source>
        <translation>comparte %1</translation>
    </message>
    <message>
        <source> · FLAGGED for fraud</source>
        <translation> · MARCADA por fraude</translation>
    </message>
</context>
<context>
    <name>rg::ui::OverrideDialog</name>
    <message>
        <source>Record &amp;override</source>
        <translation>Registrar la &amp;anulación</translation>
    </message>
    <message>
        <source>Record override</source>
        <translation>Registrar la anulación</translation>
    </message>
    <message>
        <source>Cancel the override</source>
        <translation>Cancelar la anulación</translation>
    </message>
    <message>
        <source>Supervisor approved</source>
        <translation>Aprobado por un supervisor</translation>
    </message>
    <message>
        <source>Customer verified by other means</source>
        <translation>Cliente verificado por otros medios</translation>
    </message>
    <message>
        <source>Policy exception documented</source>
        <translation>Excepción a la política documentada</translation>
    </message>
    <message>
        <source>Goodwill within discretion</source>
        <translation>Gesto comercial dentro del margen permitido</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Allow: no policy stops this action.</source>
        <translation>Permitir: ninguna política impide esta acción.</translation>
    </message>
    <message>
        <source>Warn: read the policies below before you go ahead.</source>
        <translation>Advertencia: lea las políticas de abajo antes de continuar.</translation>
    </message>
    <message>
        <source>Block: policy does not allow this action.</source>
        <translation>Bloquear: la política no permite esta acción.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>%1 (%2), %3
%4</source>
        <translation>%1 (%2), %3
%4</translation>
    </message>
    <message>
        <source>%1 could not be evaluated: %2</source>
        <translation>No se pudo evaluar %1: %2</translation>
    </message>
    <message>
        <source>No policy applies to this action.</source>
        <translation>Ninguna política se aplica a esta acción.</translation>
    </message>
    <message numerus="yes">
        <source>%n more character(s) needed</source>
        <translation>
            <numerusform>Falta %n carácter más</numerusform>
            <numerusform>Faltan %n caracteres más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enough detail (%n character(s))</source>
        <translation>
            <numerusform>Suficiente detalle (%n carácter)</numerusform>
            <numerusform>Suficiente detalle (%n caracteres)</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing is set up to record overrides</source>
        <translation>no hay nada configurado para registrar anulaciones</translation>
    </message>
    <message>
        <source>The override was NOT recorded: %1. Nothing was saved; try again or escalate.</source>
        <translation>La anulación NO se registró: %1. No se guardó nada; inténtelo de nuevo o escale el caso.</translation>
    </message>
</context>
<context>
    <name>rg::ui::PassphraseDialog</name>
    <message>
        <source>Supervisor Passphrase</source>
        <translation>Frase de contraseña del supervisor</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>Supervisor passphrase</source>
        <translation>Frase de contraseña del supervisor</translation>
    </message>
    <message>
        <source>Con&amp;firm:</source>
        <translation>&amp;Confirmar:</translation>
    </message>
    <message>
        <source>Confirm the supervisor passphrase</source>
        <translation>Confirmar la frase de contraseña del supervisor</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Botones del diálogo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Set the Supervisor Passphrase</source>
        <translation>Establecer la frase de contraseña del supervisor</translation>
    </message>
    <message>
        <source>No supervisor passphrase is set yet. Choose one now: it opens the review of every agent&apos;s overrides. It cannot be recovered, so keep it somewhere safe.</source>
        <translation>Aún no hay ninguna frase de contraseña de supervisor. Elija una ahora: abre la revisión de las anulaciones de todos los agentes. No se puede recuperar, así que guárdela en un lugar seguro.</translation>
    </message>
    <message>
        <source>&amp;Set Passphrase</source>
        <translation>&amp;Establecer frase</translation>
    </message>
    <message>
        <source>Set the supervisor passphrase</source>
        <translation>Establecer la frase de contraseña del supervisor</translation>
    </message>
    <message>
        <source>Enter the supervisor passphrase to open the review.</source>
        <translation>Introduzca la frase de contraseña del supervisor para abrir la revisión.</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Unlock the review</source>
        <translation>Desbloquear la revisión</translation>
    </message>
    <message>
        <source>The passphrase was not set: %1.</source>
        <translation>No se estableció la frase de contraseña: %1.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Frase de contraseña incorrecta.</translation>
    </message>
    <message>
        <source>The passphrase was not checked: %1.</source>
        <translation>No se comprobó la frase de contraseña: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n more character(s) needed. Several unrelated words make a strong passphrase that is easy to remember.</source>
        <translation>
            <numerusform>Falta %n carácter más. Varias palabras sin relación entre sí forman una frase de contraseña robusta y fácil de recordar.</numerusform>
            <numerusform>Faltan %n caracteres más. Varias palabras sin relación entre sí forman una frase de contraseña robusta y fácil de recordar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Long enough. Type it again to confirm it.</source>
        <translation>Longitud suficiente. Escríbala de nuevo para confirmarla.</translation>
    </message>
    <message>
        <source>Long enough. The confirmation does not match yet.</source>
        <translation>Longitud suficiente. La confirmación todavía no coincide.</translation>
    </message>
    <message>
        <source>Long enough, and the confirmation matches.</source>
        <translation>Longitud suficiente, y la confirmación coincide.</translation>
    </message>
    <message>
        <source>The passphrase cannot be checked: %1.</source>
        <translation>No se puede comprobar la frase de contraseña: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Demasiados intentos fallidos. Inténtelo de nuevo dentro de %n segundo.</numerusform>
            <numerusform>Demasiados intentos fallidos. Inténtelo de nuevo dentro de %n segundos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rg::ui::ReviewCharts</name>
    <message>
        <source>Overrides per day by policy</source>
        <translation>Anulaciones por día y política</translation>
    </message>
    <message>
        <source>Most overridden policies</source>
        <translation>Políticas más anuladas</translation>
    </message>
    <message>
        <source>High-risk share of each agent&apos;s overrides, against the team band</source>
        <translation>Proporción de alto riesgo en las anulaciones de cada agente, frente a la banda del equipo</translation>
    </message>
    <message>
        <source>T&amp;eam shown:</source>
        <translation>&amp;Equipo mostrado:</translation>
    </message>
    <message>
        <source>Team shown in the high-risk share chart</source>
        <translation>Equipo mostrado en el gráfico de proporción de alto riesgo</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(sin equipo)</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otras</translation>
    </message>
    <message>
        <source>overrides</source>
        <translation>anulaciones</translation>
    </message>
    <message>
        <source>high-risk share (%)</source>
        <translation>proporción de alto riesgo (%)</translation>
    </message>
    <message>
        <source>team band, 10th percentile</source>
        <translation>banda del equipo, percentil 10</translation>
    </message>
    <message>
        <source>team band, 90th percentile</source>
        <translation>banda del equipo, percentil 90</translation>
    </message>
</context>
<context>
    <name>rg::ui::ReviewWindow</name>
    <message>
        <source>Justified</source>
        <translation>Justificada</translation>
    </message>
    <message>
        <source>Coaching needed</source>
        <translation>Necesita formación</translation>
    </message>
    <message>
        <source>Suspected collusion</source>
        <translation>Sospecha de colusión</translation>
    </message>
    <message>
        <source>Confirmed fraud</source>
        <translation>Fraude confirmado</translation>
    </message>
    <message>
        <source>Press Analyse Period on the Outliers tab (or here: Ctrl+R) to draw the charts.</source>
        <translation>Pulse Analizar periodo en la pestaña Casos atípicos (o aquí: Ctrl+R) para dibujar los gráficos.</translation>
    </message>
    <message>
        <source>Dispositions cannot be recorded: %1</source>
        <translation>No se pueden registrar dictámenes: %1</translation>
    </message>
    <message>
        <source>no audit log to append to</source>
        <translation>no hay registro de auditoría en el que escribir</translation>
    </message>
    <message>
        <source>Any cue</source>
        <translation>Cualquier indicio</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>Cualquier riesgo</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Unreviewed</source>
        <translation>Sin revisar</translation>
    </message>
    <message>
        <source>&amp;Analyse Period</source>
        <translation>Anali&amp;zar periodo</translation>
    </message>
    <message>
        <source>the review is already open</source>
        <translation>la revisión ya está abierta</translation>
    </message>
    <message>
        <source>Preparing the review of %1…</source>
        <translation>Preparando la revisión de %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cannot prepare the review index: %1</source>
        <translation>No se puede preparar el índice de la revisión: %1</translation>
    </message>
    <message>
        <source>Preparing the review was cancelled.</source>
        <translation>Se canceló la preparación de la revisión.</translation>
    </message>
    <message>
        <source> (more as you scroll)</source>
        <translation> (más al desplazarse)</translation>
    </message>
    <message numerus="yes">
        <source>%n override(s) shown%1 · %2 ms</source>
        <translation>
            <numerusform>%n anulación mostrada%1 · %2 ms</numerusform>
            <numerusform>%n anulaciones mostradas%1 · %2 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read record %1 of chain %2: %3</source>
        <translation>No se puede leer el registro %1 de la cadena %2: %3</translation>
    </message>
    <message>
        <source>not in the log</source>
        <translation>no está en el registro</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>%1 (team %2)</source>
        <translation>%1 (equipo %2)</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Límite</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Políticas</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Risk reasons</source>
        <translation>Motivos del riesgo</translation>
    </message>
    <message>
        <source>Reason category</source>
        <translation>Categoría del motivo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>chain %1, seq %2</source>
        <translation>cadena %1, sec. %2</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Pruebas</translation>
    </message>
    <message>
        <source>Turn %1 · %2</source>
        <translation>Turno %1 · %2</translation>
    </message>
    <message>
        <source>cue</source>
        <translation>indicio</translation>
    </message>
    <message>
        <source>Case as the agent saw it</source>
        <translation>El caso tal como lo vio el agente</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Cuenta creada</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identidad</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>new to this account</source>
        <translation>nuevo para esta cuenta</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Pedido %1</translation>
    </message>
    <message>
        <source>%1 %2, %3%4</source>
        <translation>%1 %2, %3%4</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>Earlier claims</source>
        <translation>Reclamaciones anteriores</translation>
    </message>
    <message>
        <source>Account changes</source>
        <translation>Cambios en la cuenta</translation>
    </message>
    <message>
        <source>%1 (fraud flag)</source>
        <translation>%1 (marca de fraude)</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>Cuentas vinculadas</translation>
    </message>
    <message>
        <source>Agent&apos;s limit</source>
        <translation>Límite del agente</translation>
    </message>
    <message>
        <source>Case fetched</source>
        <translation>Caso obtenido</translation>
    </message>
    <message>
        <source>%1 (an out-of-date copy)</source>
        <translation>%1 (una copia desactualizada)</translation>
    </message>
    <message>
        <source>Chain: verifying… %1%</source>
        <translation>Cadena: verificando… %1%</translation>
    </message>
    <message>
        <source>Chain: verifying…</source>
        <translation>Cadena: verificando…</translation>
    </message>
    <message>
        <source>Chain: not verified: %1</source>
        <translation>Cadena: no verificada: %1</translation>
    </message>
    <message>
        <source>Chain: verified — this record and every one before it in chain %1 are intact</source>
        <translation>Cadena: verificada; este registro y todos los anteriores de la cadena %1 están intactos</translation>
    </message>
    <message>
        <source>Chain: this record was written after the last check; press F5 to check again</source>
        <translation>Cadena: este registro se escribió después de la última comprobación; pulse F5 para volver a comprobar</translation>
    </message>
    <message>
        <source>Chain: BROKEN at seq %1 (%2): this record cannot be trusted</source>
        <translation>Cadena: ROTA en la sec. %1 (%2): no se puede confiar en este registro</translation>
    </message>
    <message>
        <source>Chain: verified up to this record; broken later, at seq %1 (%2)</source>
        <translation>Cadena: verificada hasta este registro; rota más adelante, en la sec. %1 (%2)</translation>
    </message>
    <message>
        <source>Select an override first.</source>
        <translation>Seleccione primero una anulación.</translation>
    </message>
    <message>
        <source>Show the override on the Overrides tab first: only the override whose record is on screen can be judged.</source>
        <translation>Muestre primero la anulación en la pestaña Anulaciones: solo se puede dictaminar la anulación cuyo registro está en pantalla.</translation>
    </message>
    <message>
        <source>Write a note saying why it is &quot;%1&quot;, then press Ctrl+%2.</source>
        <translation>Escriba una nota que explique por qué es «%1» y pulse Ctrl+%2.</translation>
    </message>
    <message>
        <source>The disposition is recorded but not yet signed: %1</source>
        <translation>El dictamen está registrado pero aún no firmado: %1</translation>
    </message>
    <message>
        <source>Recorded &quot;%1&quot; for case %2 (record %3).</source>
        <translation>Se registró «%1» para el caso %2 (registro %3).</translation>
    </message>
    <message>
        <source>Reading %1 to %2…</source>
        <translation>Leyendo del %1 al %2…</translation>
    </message>
    <message>
        <source>Still reading the period for the previous request; try again when it is done.</source>
        <translation>Todavía se está leyendo el periodo de la solicitud anterior; inténtelo de nuevo cuando termine.</translation>
    </message>
    <message>
        <source>Cannot analyse: %1</source>
        <translation>No se puede analizar: %1</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Anulaciones</translation>
    </message>
    <message>
        <source>Rate (95%)</source>
        <translation>Tasa (95%)</translation>
    </message>
    <message>
        <source>Team band</source>
        <translation>Banda del equipo</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>Alto riesgo</translation>
    </message>
    <message>
        <source>Fraud share</source>
        <translation>Proporción de fraude</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>/contact</source>
        <translation>/contacto</translation>
    </message>
    <message>
        <source>/day</source>
        <translation>/día</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 agent(s), %2 flagged, %3 override(s). Enter on an agent shows their overrides.</source>
        <translation>%1 agente(s), %2 señalado(s), %3 anulación(es). Intro sobre un agente muestra sus anulaciones.</translation>
    </message>
    <message>
        <source>%1 to %2: %3 override(s), %4 high risk.</source>
        <translation>Del %1 al %2: %3 anulación(es), %4 de alto riesgo.</translation>
    </message>
    <message>
        <source>%1 does not stand out from their team in this period.</source>
        <translation>%1 no destaca respecto a su equipo en este periodo.</translation>
    </message>
    <message>
        <source>Export PDF Report</source>
        <translation>Exportar informe PDF</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1: the file name must end in .pdf or .csv</source>
        <translation>%1: el nombre del archivo debe terminar en .pdf o .csv</translation>
    </message>
    <message>
        <source>The chains could not be checked: %1</source>
        <translation>No se pudieron comprobar las cadenas: %1</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exportado %1</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportando %1…</translation>
    </message>
    <message>
        <source>%1 in %2 is not a JSON object (%3); saved filters are left as they are</source>
        <translation>%1 en %2 no es un objeto JSON (%3); los filtros guardados se dejan como están</translation>
    </message>
    <message>
        <source>(choose a saved filter)</source>
        <translation>(elija un filtro guardado)</translation>
    </message>
    <message>
        <source>Saved filters not stored: %1</source>
        <translation>No se guardaron los filtros: %1</translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>Guardar filtro</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>A filter named &quot;%1&quot; exists. Replace it?</source>
        <translation>Ya existe un filtro llamado «%1». ¿Reemplazarlo?</translation>
    </message>
    <message>
        <source>Delete Filter</source>
        <translation>Eliminar filtro</translation>
    </message>
    <message>
        <source>Forget the filter &quot;%1&quot;?</source>
        <translation>¿Olvidar el filtro «%1»?</translation>
    </message>
</context>
<context>
    <name>rg::ui::RiskBadge</name>
    <message>
        <source>Low risk</source>
        <translation>Riesgo bajo</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>Riesgo medio</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>Alto riesgo</translation>
    </message>
    <message>
        <source>Not judged yet</source>
        <translation>Aún sin evaluar</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>Riesgo: %1</translation>
    </message>
</context>
<context>
    <name>rg::ui::SettingsDialog</name>
    <message>
        <source>Refund Guard Settings</source>
        <translation>Configuración de Refund Guard</translation>
    </message>
    <message>
        <source>Case service</source>
        <translation>Servicio de casos</translation>
    </message>
    <message>
        <source>Case service &amp;URL:</source>
        <translation>&amp;URL del servicio de casos:</translation>
    </message>
    <message>
        <source>Case service URL</source>
        <translation>URL del servicio de casos</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Case service token</source>
        <translation>Token del servicio de casos</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>Show the case service token</source>
        <translation>Mostrar el token del servicio de casos</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Audit &amp;database URL:</source>
        <translation>URL de la base de &amp;datos de auditoría:</translation>
    </message>
    <message>
        <source>Audit database URL</source>
        <translation>URL de la base de datos de auditoría</translation>
    </message>
    <message>
        <source>A postgresql:// URL is shown without its password, which has a field of its own.</source>
        <translation>Una URL postgresql:// se muestra sin su contraseña, que tiene un campo propio.</translation>
    </message>
    <message>
        <source>Pa&amp;ssword:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>Audit database password</source>
        <translation>Contraseña de la base de datos de auditoría</translation>
    </message>
    <message>
        <source>Only for a postgresql:// URL</source>
        <translation>Solo para una URL postgresql://</translation>
    </message>
    <message>
        <source>Browser bridge</source>
        <translation>Puente del navegador</translation>
    </message>
    <message>
        <source>Bridge &amp;port:</source>
        <translation>&amp;Puerto del puente:</translation>
    </message>
    <message>
        <source>Bridge port</source>
        <translation>Puerto del puente</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Cualquier puerto libre</translation>
    </message>
    <message>
        <source>Allowed &amp;origins:</source>
        <translation>&amp;Orígenes permitidos:</translation>
    </message>
    <message>
        <source>Bridge allowed origins</source>
        <translation>Orígenes permitidos del puente</translation>
    </message>
    <message>
        <source>Bridge to&amp;ken:</source>
        <translation>To&amp;ken del puente:</translation>
    </message>
    <message>
        <source>Bridge token</source>
        <translation>Token del puente</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy the bridge token</source>
        <translation>Copiar el token del puente</translation>
    </message>
    <message>
        <source>Rules and policies</source>
        <translation>Reglas y políticas</translation>
    </message>
    <message>
        <source>&amp;Rule pack:</source>
        <translation>Paquete de &amp;reglas:</translation>
    </message>
    <message>
        <source>Rule pack path</source>
        <translation>Ruta del paquete de reglas</translation>
    </message>
    <message>
        <source>Built-in rule pack</source>
        <translation>Paquete de reglas integrado</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>Browse for a rule pack</source>
        <translation>Buscar un paquete de reglas</translation>
    </message>
    <message>
        <source>Po&amp;licies folder:</source>
        <translation>Carpeta de po&amp;líticas:</translation>
    </message>
    <message>
        <source>Policies folder path</source>
        <translation>Ruta de la carpeta de políticas</translation>
    </message>
    <message>
        <source>Built-in policies</source>
        <translation>Políticas integradas</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Exami&amp;nar…</translation>
    </message>
    <message>
        <source>Browse for a policies folder</source>
        <translation>Buscar una carpeta de políticas</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Ventana</translation>
    </message>
    <message>
        <source>Keep the sidebar &amp;above other windows</source>
        <translation>Mantener la barra lateral &amp;encima de otras ventanas</translation>
    </message>
    <message>
        <source>Stay on top</source>
        <translation>Siempre visible</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The language of Refund Guard&apos;s windows; takes effect the next time it starts.</source>
        <translation>El idioma de las ventanas de Refund Guard; se aplica la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>Reset every setting you can change to its default? Your case service token is kept, and nothing is saved until you click Save.</source>
        <translation>¿Restablecer a su valor predeterminado todos los ajustes que puede cambiar? Se conserva su token del servicio de casos y no se guarda nada hasta que pulse Guardar.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source>Confirm reset to defaults</source>
        <translation>Confirmar el restablecimiento de los valores predeterminados</translation>
    </message>
    <message>
        <source>Keep My Values</source>
        <translation>Conservar mis valores</translation>
    </message>
    <message>
        <source>Cancel reset to defaults</source>
        <translation>Cancelar el restablecimiento de los valores predeterminados</translation>
    </message>
    <message>
        <source>R&amp;eset to Defaults…</source>
        <translation>Restablecer &amp;valores predeterminados…</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>Restablecer valores predeterminados</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Botones del diálogo</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <source>Allowed origins</source>
        <translation>Orígenes permitidos</translation>
    </message>
    <message>
        <source>Rule pack</source>
        <translation>Paquete de reglas</translation>
    </message>
    <message>
        <source>Policies folder</source>
        <translation>Carpeta de políticas</translation>
    </message>
    <message>
        <source>Set by your administrator in %1; it cannot be changed here.</source>
        <translation>Establecido por su administrador en %1; no se puede cambiar aquí.</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Establecido por su administrador</translation>
    </message>
    <message>
        <source>These stored settings could not be used:</source>
        <translation>No se pudieron usar estos ajustes guardados:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>No se pudo guardar la configuración: %1</translation>
    </message>
    <message>
        <source>Saved. Restart Refund Guard to apply: %1.</source>
        <translation>Guardado. Reinicie Refund Guard para aplicar: %1.</translation>
    </message>
    <message>
        <source>Choose the Policies Folder</source>
        <translation>Elegir la carpeta de políticas</translation>
    </message>
    <message>
        <source>Choose a Rule Pack</source>
        <translation>Elegir un paquete de reglas</translation>
    </message>
    <message>
        <source>Rule packs (*.json)</source>
        <translation>Paquetes de reglas (*.json)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>Defaults filled in. Click Save to keep them.</source>
        <translation>Valores predeterminados rellenados. Pulse Guardar para conservarlos.</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>Ocult&amp;ar</translation>
    </message>
    <message>
        <source>Hide the case service token</source>
        <translation>Ocultar el token del servicio de casos</translation>
    </message>
</context>
<context>
    <name>rg::ui::SidebarWindow</name>
    <message>
        <source>Feed event refused: %1</source>
        <translation>Evento de entrada rechazado: %1</translation>
    </message>
    <message>
        <source>Stay on top not saved: %1</source>
        <translation>No se guardó «Siempre visible»: %1</translation>
    </message>
    <message>
        <source>Override recorded in the audit log (seq %1).</source>
        <translation>Anulación registrada en el registro de auditoría (sec. %1).</translation>
    </message>
    <message>
        <source>Suspected fraud reported (audit seq %1).</source>
        <translation>Sospecha de fraude comunicada (sec. de auditoría %1).</translation>
    </message>
    <message>
        <source>High-risk contact</source>
        <translation>Contacto de alto riesgo</translation>
    </message>
    <message>
        <source>%1 could not be judged, what is shown is older: %2</source>
        <translation>No se pudo evaluar %1; lo que se muestra es anterior: %2</translation>
    </message>
    <message>
        <source>[new cues] %1</source>
        <translation>[nuevos indicios] %1</translation>
    </message>
    <message>
        <source>No open chat</source>
        <translation>Ningún chat abierto</translation>
    </message>
    <message>
        <source>Waiting for the console to send a conversation.</source>
        <translation>Esperando a que la consola envíe una conversación.</translation>
    </message>
    <message>
        <source>Refund Guard</source>
        <translation>Refund Guard</translation>
    </message>
    <message>
        <source>Chat %1 (no case yet)</source>
        <translation>Chat %1 (aún sin caso)</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Caso %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · account %n day(s) old</source>
        <translation>
            <numerusform>%1 · cuenta de %n día</numerusform>
            <numerusform>%1 · cuenta de %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Cliente: %1</translation>
    </message>
    <message>
        <source>No cues so far.</source>
        <translation>Sin indicios por ahora.</translation>
    </message>
    <message>
        <source>%1 — Refund Guard</source>
        <translation>%1 — Refund Guard</translation>
    </message>
    <message>
        <source>New strong cue: %1 — “%2” (turn %3)</source>
        <translation>Nuevo indicio fuerte: %1 — «%2» (turno %3)</translation>
    </message>
    <message numerus="yes">
        <source>%1, and %n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rg::ui::SignalsModel</name>
    <message>
        <source>%1 (%2), turn %3: “%4”</source>
        <translation>%1 (%2), turno %3: «%4»</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>fuerte</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>débil</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>Indicio</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Pruebas</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>Turno</translation>
    </message>
</context>
<context>
    <name>rg::ui::TrainerWindow</name>
    <message>
        <source>Verified identity</source>
        <translation>Identidad verificada</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Offered refund</source>
        <translation>Reembolso ofrecido</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escalado</translation>
    </message>
    <message>
        <source>Overrode</source>
        <translation>Anulado</translation>
    </message>
    <message>
        <source>Fraud stopped</source>
        <translation>Fraude detenido</translation>
    </message>
    <message>
        <source>Fraud succeeded</source>
        <translation>Fraude consumado</translation>
    </message>
    <message>
        <source>Genuine customer served</source>
        <translation>Cliente legítimo atendido</translation>
    </message>
    <message>
        <source>Genuine customer wrongly refused</source>
        <translation>Cliente legítimo rechazado por error</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Incompleto</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>permitir</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>advertencia</translation>
    </message>
    <message>
        <source>block</source>
        <translation>bloqueo</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>Dificultad</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Genuine</source>
        <translation>Legítimo</translation>
    </message>
    <message>
        <source>Fraud attempt</source>
        <translation>Intento de fraude</translation>
    </message>
    <message numerus="yes">
        <source>%n scenario file(s) could not be loaded and are not offered:
</source>
        <translation>
            <numerusform>No se pudo cargar %n archivo de escenario y no se ofrece:
</numerusform>
            <numerusform>No se pudieron cargar %n archivos de escenario y no se ofrecen:
</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the customer message to flag first.</source>
        <translation>Seleccione primero el mensaje del cliente que quiere marcar.</translation>
    </message>
    <message>
        <source>Flag with a cue</source>
        <translation>Marcar con un indicio</translation>
    </message>
    <message>
        <source>The detection engine is not available, so no scenario can run.</source>
        <translation>El motor de detección no está disponible, así que no se puede ejecutar ningún escenario.</translation>
    </message>
    <message>
        <source>Enter the trainee&apos;s name first.</source>
        <translation>Introduzca primero el nombre del alumno.</translation>
    </message>
    <message>
        <source>Select at least one scenario.</source>
        <translation>Seleccione al menos un escenario.</translation>
    </message>
    <message>
        <source>Fix the name first: %1.</source>
        <translation>Corrija primero el nombre: %1.</translation>
    </message>
    <message>
        <source>Scenario %1 of %2 · %3</source>
        <translation>Escenario %1 de %2 · %3</translation>
    </message>
    <message>
        <source>assist on</source>
        <translation>asistente activado</translation>
    </message>
    <message>
        <source>assist off</source>
        <translation>asistente desactivado</translation>
    </message>
    <message>
        <source>No scenario is running.</source>
        <translation>No hay ningún escenario en curso.</translation>
    </message>
    <message>
        <source>Type a reply first.</source>
        <translation>Escriba primero una respuesta.</translation>
    </message>
    <message>
        <source>Give the reason for the override first.</source>
        <translation>Indique primero el motivo de la anulación.</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Usted: %1</translation>
    </message>
    <message>
        <source>You: %1 (reason: %2)</source>
        <translation>Usted: %1 (motivo: %2)</translation>
    </message>
    <message>
        <source>Message %1 flagged: %2.</source>
        <translation>Mensaje %1 marcado: %2.</translation>
    </message>
    <message>
        <source>%1. %2
Flagged: %3</source>
        <translation>%1. %2
Marcado: %3</translation>
    </message>
    <message>
        <source>The action could not be checked.</source>
        <translation>No se pudo comprobar la acción.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>The assist could not judge the chat: %1</source>
        <translation>El asistente no pudo evaluar el chat: %1</translation>
    </message>
    <message>
        <source>The customer is typing…</source>
        <translation>El cliente está escribiendo…</translation>
    </message>
    <message>
        <source>Kept for this session only: %1</source>
        <translation>Conservado solo para esta sesión: %1</translation>
    </message>
    <message>
        <source>no training database</source>
        <translation>no hay base de datos de formación</translation>
    </message>
    <message>
        <source>NOT saved: %1. The result is kept for this session only.</source>
        <translation>NO guardado: %1. El resultado se conserva solo para esta sesión.</translation>
    </message>
    <message>
        <source>Saved to the training results (run %1).</source>
        <translation>Guardado en los resultados de formación (ejecución %1).</translation>
    </message>
    <message>
        <source>Debrief: %1</source>
        <translation>Informe final: %1</translation>
    </message>
    <message>
        <source>Outcome: %1 — the right outcome.</source>
        <translation>Resultado: %1 — el resultado correcto.</translation>
    </message>
    <message>
        <source>Outcome: %1 — this scenario called for: %2.</source>
        <translation>Resultado: %1 — este escenario requería: %2.</translation>
    </message>
    <message>
        <source>Score %1 of 100 · weighted %2 (difficulty %3)
Flags: %4 correct, %5 false, %6 missed (precision %7, recall %8)
Policy: %9 check(s), %10 warning(s) heeded, %11 breach(es), %12 override(s)</source>
        <translation>Puntuación %1 de 100 · ponderada %2 (dificultad %3)
Marcas: %4 correctas, %5 erróneas, %6 omitidas (precisión %7, exhaustividad %8)
Política: %9 comprobación(es), %10 advertencia(s) atendida(s), %11 incumplimiento(s), %12 anulación(es)</translation>
    </message>
    <message>
        <source>Actions against policy: none.</source>
        <translation>Acciones contra la política: ninguna.</translation>
    </message>
    <message>
        <source>Actions against policy:</source>
        <translation>Acciones contra la política:</translation>
    </message>
    <message>
        <source>a breach: no reason given</source>
        <translation>un incumplimiento: sin motivo</translation>
    </message>
    <message>
        <source>an override, reason: %1</source>
        <translation>una anulación, motivo: %1</translation>
    </message>
    <message>
        <source>• %1 after a %2 on %3 — %4</source>
        <translation>• %1 tras un(a) %2 en %3 — %4</translation>
    </message>
    <message>
        <source>Customer · message %1</source>
        <translation>Cliente · mensaje %1</translation>
    </message>
    <message>
        <source>You replied</source>
        <translation>Usted respondió</translation>
    </message>
    <message>
        <source>Your action</source>
        <translation>Su acción</translation>
    </message>
    <message>
        <source>⚠ In your reply: %1 (“%2”)</source>
        <translation>⚠ En su respuesta: %1 («%2»)</translation>
    </message>
    <message>
        <source>(The customer&apos;s last word after the run ended: not scored.)</source>
        <translation>(La última palabra del cliente tras terminar la ejecución: no puntúa.)</translation>
    </message>
    <message>
        <source>✓ Correct flag: %1</source>
        <translation>✓ Marca correcta: %1</translation>
    </message>
    <message>
        <source>✗ False flag (already flagged here): %1</source>
        <translation>✗ Marca errónea (ya marcado aquí): %1</translation>
    </message>
    <message>
        <source>✗ False flag: %1</source>
        <translation>✗ Marca errónea: %1</translation>
    </message>
    <message>
        <source>○ Missed cue: %1</source>
        <translation>○ Indicio omitido: %1</translation>
    </message>
    <message numerus="yes">
        <source>Session finished for %1: %n run(s), mean weighted score %2.</source>
        <translation>
            <numerusform>Sesión terminada para %1: %n ejecución, puntuación ponderada media %2.</numerusform>
            <numerusform>Sesión terminada para %1: %n ejecuciones, puntuación ponderada media %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rg::ui::TrainingResultsView</name>
    <message>
        <source>A&amp;nonymise trainees</source>
        <translation>&amp;Anonimizar alumnos</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Recargar</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xportar CSV…</translation>
    </message>
    <message>
        <source>Co&amp;hort:</source>
        <translation>&amp;Grupo:</translation>
    </message>
    <message>
        <source>Cohort shown</source>
        <translation>Grupo mostrado</translation>
    </message>
    <message>
        <source>Show trainees under pseudonyms</source>
        <translation>Mostrar a los alumnos con seudónimos</translation>
    </message>
    <message>
        <source>Show and export each trainee as a stable pseudonym (trainee-…) instead of the name</source>
        <translation>Mostrar y exportar a cada alumno con un seudónimo estable (trainee-…) en lugar del nombre</translation>
    </message>
    <message>
        <source>Reload the training results</source>
        <translation>Recargar los resultados de la formación</translation>
    </message>
    <message>
        <source>Export the runs shown as CSV</source>
        <translation>Exportar como CSV las ejecuciones mostradas</translation>
    </message>
    <message>
        <source>Training results problem</source>
        <translation>Problema con los resultados de la formación</translation>
    </message>
    <message>
        <source>Cohort comparison</source>
        <translation>Comparación de grupos</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Alumno</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Ejecuciones</translation>
    </message>
    <message>
        <source>Mean weighted</source>
        <translation>Media ponderada</translation>
    </message>
    <message>
        <source>Mean weighted score of all runs</source>
        <translation>Puntuación ponderada media de todas las ejecuciones</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Exhaustividad</translation>
    </message>
    <message>
        <source>Cues flagged of the cues there were to flag, over all runs</source>
        <translation>Indicios marcados entre todos los que había que marcar, en todas las ejecuciones</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <source>Flags that were right, over all runs</source>
        <translation>Marcas correctas, en todas las ejecuciones</translation>
    </message>
    <message>
        <source>Fraud stopped</source>
        <translation>Fraude detenido</translation>
    </message>
    <message>
        <source>Share of the fraud scenarios that ended with the fraud stopped</source>
        <translation>Proporción de los escenarios de fraude que terminaron con el fraude detenido</translation>
    </message>
    <message>
        <source>Wrong refusals</source>
        <translation>Rechazos erróneos</translation>
    </message>
    <message>
        <source>Share of the genuine scenarios that ended in a wrong refusal</source>
        <translation>Proporción de los escenarios legítimos que terminaron en un rechazo erróneo</translation>
    </message>
    <message>
        <source>With assist (n)</source>
        <translation>Con asistente (n)</translation>
    </message>
    <message>
        <source>Mean weighted score with the assistant&apos;s cues (runs)</source>
        <translation>Puntuación ponderada media con los indicios del asistente (ejecuciones)</translation>
    </message>
    <message>
        <source>Without assist (n)</source>
        <translation>Sin asistente (n)</translation>
    </message>
    <message>
        <source>Mean weighted score without the assistant (runs)</source>
        <translation>Puntuación ponderada media sin el asistente (ejecuciones)</translation>
    </message>
    <message>
        <source>Assist gain</source>
        <translation>Mejora con asistente</translation>
    </message>
    <message>
        <source>Mean weighted score with the assistant minus without it, when there were both</source>
        <translation>Puntuación ponderada media con el asistente menos sin él, cuando hubo ambas</translation>
    </message>
    <message>
        <source>Weighted score over time</source>
        <translation>Puntuación ponderada a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Cannot load the training results: no results store is open.</source>
        <translation>No se pueden cargar los resultados de la formación: no hay ningún almacén de resultados abierto.</translation>
    </message>
    <message>
        <source>Cannot load the training results: %1</source>
        <translation>No se pueden cargar los resultados de la formación: %1</translation>
    </message>
    <message>
        <source>All cohorts</source>
        <translation>Todos los grupos</translation>
    </message>
    <message>
        <source>(no cohort)</source>
        <translation>(sin grupo)</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n ejecución</numerusform>
            <numerusform>%n ejecuciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trainee(s)</source>
        <translation>
            <numerusform>%n alumno</numerusform>
            <numerusform>%n alumnos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fraud run(s)</source>
        <translation>
            <numerusform>%n ejecución de fraude</numerusform>
            <numerusform>%n ejecuciones de fraude</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n genuine run(s)</source>
        <translation>
            <numerusform>%n ejecución legítima</numerusform>
            <numerusform>%n ejecuciones legítimas</numerusform>
        </translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>score</source>
        <translation>puntuación</translation>
    </message>
    <message>
        <source>no pseudonym salt file is set</source>
        <translation>no hay ningún archivo de sal para seudónimos configurado</translation>
    </message>
    <message>
        <source>Cannot anonymise the trainees: %1</source>
        <translation>No se puede anonimizar a los alumnos: %1</translation>
    </message>
    <message>
        <source>Export Training Results</source>
        <translation>Exportar resultados de la formación</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n run(s) to %1</source>
        <translation>
            <numerusform>Se exportó %n ejecución a %1</numerusform>
            <numerusform>Se exportaron %n ejecuciones a %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rg::ui::TranscriptView</name>
    <message>
        <source>Chat transcript</source>
        <translation>Transcripción del chat</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>%1 · turn %2</source>
        <translation>%1 · turno %2</translation>
    </message>
</context>
</TS>
