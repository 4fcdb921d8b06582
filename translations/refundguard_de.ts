<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ActionPanel</name>
    <message>
        <source>Action check</source>
        <translation>Aktionsprüfung</translation>
    </message>
    <message>
        <source>Proposed action</source>
        <translation>Vorgeschlagene Aktion</translation>
    </message>
    <message>
        <source>Action t&amp;ype:</source>
        <translation>Aktions&amp;typ:</translation>
    </message>
    <message>
        <source>Action type</source>
        <translation>Aktionstyp</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>&amp;Bestellung:</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Changed f&amp;ield:</source>
        <translation>Geändertes &amp;Feld:</translation>
    </message>
    <message>
        <source>Account detail changed</source>
        <translation>Geänderte Kontoangabe</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>Betr&amp;ag:</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>&amp;Währung:</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <source>&amp;Refund method:</source>
        <translation>&amp;Erstattungsweg:</translation>
    </message>
    <message>
        <source>Refund method</source>
        <translation>Erstattungsweg</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Reason for the claim</source>
        <translation>Grund der Reklamation</translation>
    </message>
    <message>
        <source>Return required</source>
        <translation>Rücksendung erforderlich</translation>
    </message>
    <message>
        <source>Return re&amp;quired first</source>
        <translation>R&amp;ücksendung zuerst erforderlich</translation>
    </message>
    <message>
        <source>Check the action against policy</source>
        <translation>Aktion gegen die Richtlinien prüfen</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Verdict icon</source>
        <translation>Symbol des Prüfergebnisses</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Prüfergebnis</translation>
    </message>
    <message>
        <source>Policies that fired</source>
        <translation>Ausgelöste Richtlinien</translation>
    </message>
    <message>
        <source>Cancel the action</source>
        <translation>Aktion abbrechen</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>Proceed anyway with a recorded override</source>
        <translation>Trotzdem fortfahren, mit protokollierter Übersteuerung</translation>
    </message>
    <message>
        <source>&amp;Proceed anyway…</source>
        <translation>Trotz&amp;dem fortfahren…</translation>
    </message>
    <message>
        <source>Message icon</source>
        <translation>Meldungssymbol</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Report suspected fraud</source>
        <translation>Betrugsverdacht melden</translation>
    </message>
    <message>
        <source>R&amp;eport suspected fraud…</source>
        <translation>Betrugsverdacht &amp;melden…</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Case context</source>
        <translation>Fallkontext</translation>
    </message>
    <message>
        <source>Case status</source>
        <translation>Fallstatus</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Fetch the case again</source>
        <translation>Fall erneut abrufen</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>Falldetails</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>CueExplanation</name>
    <message>
        <source>An explicit push for speed (&quot;do it now&quot;, &quot;hurry&quot;) meant to make you skip steps; a date stated as a fact is not this cue.</source>
        <translation>Ausdrücklicher Zeitdruck („mach es jetzt“, „beeil dich“), damit Sie Schritte überspringen; ein als Tatsache genanntes Datum ist nicht dieses Indiz.</translation>
    </message>
    <message>
        <source>A claim of rank, status or prior approval (&quot;your supervisor already approved it&quot;) meant to override the process.</source>
        <translation>Berufung auf Rang, Status oder eine frühere Genehmigung („Ihr Supervisor hat es schon genehmigt“), um den Ablauf auszuhebeln.</translation>
    </message>
    <message>
        <source>Avoiding, shortcutting or refusing identity verification (&quot;skip the security questions&quot;, &quot;just use this email&quot;).</source>
        <translation>Die Identitätsprüfung umgehen, abkürzen oder verweigern („lassen Sie die Sicherheitsfragen weg“, „nehmen Sie einfach diese E-Mail“).</translation>
    </message>
    <message>
        <source>Moving contact or payment off the official channels (Telegram, a personal phone or email), where nothing is recorded.</source>
        <translation>Kontakt oder Zahlung aus den offiziellen Kanälen verlagern (Telegram, private Telefonnummer oder E-Mail), wo nichts protokolliert wird.</translation>
    </message>
    <message>
        <source>Offering you money, a gift, a cut or a side job: an attempt to recruit you, to be reported, never negotiated.</source>
        <translation>Ihnen Geld, ein Geschenk, einen Anteil oder einen Nebenjob anbieten: ein Anwerbeversuch, der gemeldet und nie verhandelt wird.</translation>
    </message>
    <message>
        <source>Vocabulary of the refunding scene (DNA, EB, FTID, boxing, &quot;pro refunder&quot;): the customer knows the playbook.</source>
        <translation>Vokabular der Refund-Betrugsszene (DNA, EB, FTID, Boxing, „Pro-Refunder“): der Kunde kennt das Drehbuch.</translation>
    </message>
    <message>
        <source>Says the parcel never arrived: neutral evidence on its own, to be weighed against the delivery record.</source>
        <translation>Sagt, das Paket sei nie angekommen: für sich allein neutral, abzuwägen gegen den Zustellnachweis.</translation>
    </message>
    <message>
        <source>Says the box was empty, the item wrong or swapped, or parts missing: neutral evidence, the core of the empty-box scheme.</source>
        <translation>Sagt, der Karton sei leer, der Artikel falsch oder vertauscht oder es fehlten Teile: neutral, der Kern der Leerkarton-Masche.</translation>
    </message>
    <message>
        <source>Asks to change the email, phone, password, address or payment method during the contact: a sign of a taken-over account.</source>
        <translation>Bittet während des Kontakts um Änderung von E-Mail, Telefon, Passwort, Adresse oder Zahlungsmittel: ein Zeichen für ein übernommenes Konto.</translation>
    </message>
    <message>
        <source>Wants the refund paid somewhere other than the original payment method (gift card, another account, crypto).</source>
        <translation>Will die Erstattung auf einen anderen Weg als das ursprüngliche Zahlungsmittel (Geschenkkarte, anderes Konto, Kryptowährung).</translation>
    </message>
    <message>
        <source>Sends you a URL or file link, whatever it claims to be: it may be phishing or a forged proof.</source>
        <translation>Schickt Ihnen eine URL oder einen Dateilink, was auch immer er angeblich ist: es kann Phishing oder ein gefälschter Nachweis sein.</translation>
    </message>
    <message>
        <source>Asks you for internal data, logins, codes, account details on file or screenshots of your tools, or to install software.</source>
        <translation>Fragt Sie nach internen Daten, Zugängen, Codes, hinterlegten Kontodaten oder Screenshots Ihrer Werkzeuge, oder Software zu installieren.</translation>
    </message>
    <message>
        <source>Threats or emotional leverage (a chargeback, a public post, a lawyer, your job) to make you give in.</source>
        <translation>Drohungen oder emotionaler Druck (Rückbuchung, öffentlicher Beitrag, Anwalt, Ihr Job), damit Sie nachgeben.</translation>
    </message>
    <message>
        <source>Tells you which internal action or exception to use (&quot;mark it as lost in transit&quot;): customers rarely know those names.</source>
        <translation>Sagt Ihnen, welche interne Aktion oder Ausnahme Sie nutzen sollen („als auf dem Transportweg verloren markieren“): Kunden kennen diese Namen selten.</translation>
    </message>
    <message>
        <source>You disclosed account details (full address, email, phone, more than the last four card digits) to someone not yet verified.</source>
        <translation>Sie haben Kontodaten (vollständige Adresse, E-Mail, Telefon, mehr als die letzten vier Kartenziffern) an eine noch nicht verifizierte Person weitergegeben.</translation>
    </message>
    <message>
        <source>You agreed to or proposed contact outside the official channels.</source>
        <translation>Sie haben Kontakt außerhalb der offiziellen Kanäle zugesagt oder vorgeschlagen.</translation>
    </message>
    <message>
        <source>You promised a refund or an exception before the checks were done.</source>
        <translation>Sie haben eine Erstattung oder Ausnahme zugesagt, bevor die Prüfungen abgeschlossen waren.</translation>
    </message>
</context>
<context>
    <name>CueTitle</name>
    <message>
        <source>Artificial time pressure</source>
        <translation>Künstlicher Zeitdruck</translation>
    </message>
    <message>
        <source>Claimed rank or prior approval</source>
        <translation>Behaupteter Rang oder vorherige Genehmigung</translation>
    </message>
    <message>
        <source>Avoiding identity verification</source>
        <translation>Umgeht die Identitätsprüfung</translation>
    </message>
    <message>
        <source>Moving contact off official channels</source>
        <translation>Verlagert den Kontakt weg von offiziellen Kanälen</translation>
    </message>
    <message>
        <source>Offering the agent money or a side job</source>
        <translation>Bietet dem Agenten Geld oder einen Nebenjob an</translation>
    </message>
    <message>
        <source>Refund-scene vocabulary</source>
        <translation>Jargon der Erstattungsbetrugsszene</translation>
    </message>
    <message>
        <source>Says the parcel never arrived</source>
        <translation>Sagt, das Paket sei nie angekommen</translation>
    </message>
    <message>
        <source>Empty box, wrong or missing item</source>
        <translation>Leerer Karton, falscher oder fehlender Artikel</translation>
    </message>
    <message>
        <source>Changes account details during the contact</source>
        <translation>Ändert Kontodaten während des Kontakts</translation>
    </message>
    <message>
        <source>Refund to another payment method</source>
        <translation>Erstattung auf eine andere Zahlungsart</translation>
    </message>
    <message>
        <source>Sends a link</source>
        <translation>Sendet einen Link</translation>
    </message>
    <message>
        <source>Asks for internal data or codes</source>
        <translation>Fragt nach internen Daten oder Codes</translation>
    </message>
    <message>
        <source>Threats or emotional leverage</source>
        <translation>Drohungen oder emotionaler Druck</translation>
    </message>
    <message>
        <source>Tells the agent which internal action to use</source>
        <translation>Sagt dem Agenten, welche interne Aktion er nutzen soll</translation>
    </message>
    <message>
        <source>Agent discloses account PII</source>
        <translation>Agent gibt persönliche Kontodaten preis</translation>
    </message>
    <message>
        <source>Agent moves contact off platform</source>
        <translation>Agent verlagert den Kontakt von der Plattform weg</translation>
    </message>
    <message>
        <source>Agent promises before checks</source>
        <translation>Agent sagt vor der Prüfung etwas zu</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Proceed against policy</source>
        <translation>Entgegen der Richtlinie fortfahren</translation>
    </message>
    <message>
        <source>What an override means</source>
        <translation>Was eine Übersteuerung bedeutet</translation>
    </message>
    <message>
        <source>You are about to go ahead against this decision. Your reason, the decision and the evidence are written to the audit log, and a supervisor reviews every override.</source>
        <translation>Sie setzen sich gleich über diese Entscheidung hinweg. Ihr Grund, die Entscheidung und die Belege werden ins Audit-Protokoll geschrieben, und ein Supervisor prüft jede Übersteuerung.</translation>
    </message>
    <message>
        <source>Verdict icon</source>
        <translation>Symbol des Prüfergebnisses</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Prüfergebnis</translation>
    </message>
    <message>
        <source>Policies that fired</source>
        <translation>Ausgelöste Richtlinien</translation>
    </message>
    <message>
        <source>Reason c&amp;ategory:</source>
        <translation>&amp;Kategorie des Grundes:</translation>
    </message>
    <message>
        <source>Reason category</source>
        <translation>Kategorie des Grundes</translation>
    </message>
    <message>
        <source>Choose a category</source>
        <translation>Kategorie wählen</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Grund der Übersteuerung</translation>
    </message>
    <message>
        <source>Who approved it, or how you verified the customer</source>
        <translation>Wer es genehmigt hat oder wie Sie den Kunden verifiziert haben</translation>
    </message>
    <message>
        <source>Reason length</source>
        <translation>Länge des Grundes</translation>
    </message>
    <message>
        <source>I take responsibility for this override</source>
        <translation>Ich übernehme die Verantwortung für diese Übersteuerung</translation>
    </message>
    <message>
        <source>I &amp;take responsibility for this override, and the reason above is true.</source>
        <translation>Ich übernehme die &amp;Verantwortung für diese Übersteuerung, und der obige Grund ist wahr.</translation>
    </message>
    <message>
        <source>Error icon</source>
        <translation>Fehlersymbol</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialogschaltflächen</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Refund Guard — Override Review</source>
        <translation>Refund Guard — Prüfung der Übersteuerungen</translation>
    </message>
    <message>
        <source>&amp;Overrides</source>
        <translation>Übe&amp;rsteuerungen</translation>
    </message>
    <message>
        <source>Fro&amp;m (UTC):</source>
        <translation>&amp;Von (UTC):</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Anfangsdatum</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>To date, inclusive</source>
        <translation>Enddatum, einschließlich</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>A&amp;gent:</translation>
    </message>
    <message>
        <source>any agent</source>
        <translation>jeder Agent</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>T&amp;eam:</source>
        <translation>T&amp;eam:</translation>
    </message>
    <message>
        <source>any team</source>
        <translation>jedes Team</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>&amp;Policy:</source>
        <translation>Ric&amp;htlinie:</translation>
    </message>
    <message>
        <source>any policy</source>
        <translation>jede Richtlinie</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>C&amp;ue:</source>
        <translation>&amp;Indiz:</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>Indiz</translation>
    </message>
    <message>
        <source>Ris&amp;k:</source>
        <translation>Risi&amp;ko:</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Risikostufe</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Disposition status</source>
        <translation>Status der Bewertung</translation>
    </message>
    <message>
        <source>Searc&amp;h:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>words in reasons and evidence</source>
        <translation>Wörter in Gründen und Belegen</translation>
    </message>
    <message>
        <source>Search reasons and evidence</source>
        <translation>Gründe und Belege durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Saved:</source>
        <translation>Gespei&amp;chert:</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Gespeicherte Filter</translation>
    </message>
    <message>
        <source>Save F&amp;ilter…</source>
        <translation>&amp;Filter speichern…</translation>
    </message>
    <message>
        <source>Keep the current filter under a name</source>
        <translation>Aktuellen Filter unter einem Namen speichern</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Forget the selected saved filter</source>
        <translation>Ausgewählten gespeicherten Filter vergessen</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Übersteuerungen</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>Kettenstatus</translation>
    </message>
    <message>
        <source>Override details</source>
        <translation>Details der Übersteuerung</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>why: required; Ctrl+1…4 records from here</source>
        <translation>Warum: Pflichtfeld; Strg+1…4 erfasst von hier aus</translation>
    </message>
    <message>
        <source>Disposition note</source>
        <translation>Notiz zur Bewertung</translation>
    </message>
    <message>
        <source>1 Justified</source>
        <translation>1 Gerechtfertigt</translation>
    </message>
    <message>
        <source>Record the override as justified (1)</source>
        <translation>Übersteuerung als gerechtfertigt erfassen (1)</translation>
    </message>
    <message>
        <source>2 Coaching needed</source>
        <translation>2 Schulungsbedarf</translation>
    </message>
    <message>
        <source>Record that the agent needs coaching (2)</source>
        <translation>Erfassen, dass der Agent Schulung braucht (2)</translation>
    </message>
    <message>
        <source>3 Suspected collusion</source>
        <translation>3 Verdacht auf Absprache</translation>
    </message>
    <message>
        <source>Record suspected collusion (3)</source>
        <translation>Verdacht auf Absprache erfassen (3)</translation>
    </message>
    <message>
        <source>4 Confirmed fraud</source>
        <translation>4 Bestätigter Betrug</translation>
    </message>
    <message>
        <source>Record confirmed fraud (4)</source>
        <translation>Bestätigten Betrug erfassen (4)</translation>
    </message>
    <message>
        <source>Out&amp;liers</source>
        <translation>A&amp;usreißer</translation>
    </message>
    <message>
        <source>&amp;Analyse Period</source>
        <translation>Zeitraum anal&amp;ysieren</translation>
    </message>
    <message>
        <source>Rank the agents of the filter&apos;s period and team against their peers</source>
        <translation>Die Agenten aus Zeitraum und Team des Filters mit ihren Kollegen vergleichen</translation>
    </message>
    <message>
        <source>Ranked agents</source>
        <translation>Eingestufte Agenten</translation>
    </message>
    <message>
        <source>Why the agent stands out</source>
        <translation>Warum der Agent auffällt</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>Diagra&amp;mme</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>T&amp;riage</source>
        <translation>Be&amp;wertung</translation>
    </message>
    <message>
        <source>Export &amp;PDF Report…</source>
        <translation>&amp;PDF-Bericht exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Unreviewed Queue</source>
        <translation>&amp;Ungeprüfte Warteschlange</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation>&amp;Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Next Override</source>
        <translation>&amp;Nächste Übersteuerung</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>&amp;Previous Override</source>
        <translation>&amp;Vorherige Übersteuerung</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>&amp;1 Justified</source>
        <translation>&amp;1 Gerechtfertigt</translation>
    </message>
    <message>
        <source>&amp;2 Coaching Needed</source>
        <translation>&amp;2 Schulungsbedarf</translation>
    </message>
    <message>
        <source>&amp;3 Suspected Collusion</source>
        <translation>&amp;3 Verdacht auf Absprache</translation>
    </message>
    <message>
        <source>&amp;4 Confirmed Fraud</source>
        <translation>&amp;4 Bestätigter Betrug</translation>
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
        <translation>Offene Unterhaltungen</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Top reasons</source>
        <translation>Wichtigste Gründe</translation>
    </message>
    <message>
        <source>New strong cue</source>
        <translation>Neues starkes Indiz</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signale</translation>
    </message>
    <message>
        <source>Conversation details</source>
        <translation>Details der Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Transcript</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Fall</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>Akt&amp;ion</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Stay on &amp;top</source>
        <translation>Immer im &amp;Vordergrund</translation>
    </message>
    <message>
        <source>&amp;Next chat</source>
        <translation>&amp;Nächster Chat</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>&amp;Previous chat</source>
        <translation>V&amp;origer Chat</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <source>Go to &amp;signals</source>
        <translation>Zu den &amp;Signalen</translation>
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
        <translation>Refund Guard — Trainer</translation>
    </message>
    <message>
        <source>&amp;Trainee:</source>
        <translation>&amp;Trainee:</translation>
    </message>
    <message>
        <source>Trainee name</source>
        <translation>Name des Trainees</translation>
    </message>
    <message>
        <source>Name of the trainee</source>
        <translation>Name des Trainees</translation>
    </message>
    <message>
        <source>&amp;Cohort:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Optional, e.g. 2026-11 new hires</source>
        <translation>Optional, z. B. Neueinstellungen 2026-11</translation>
    </message>
    <message>
        <source>&amp;Scenarios (select one or more; they run in the order listed):</source>
        <translation>&amp;Szenarien (eines oder mehrere auswählen; sie laufen in der angezeigten Reihenfolge):</translation>
    </message>
    <message>
        <source>Scenario library</source>
        <translation>Szenariobibliothek</translation>
    </message>
    <message>
        <source>&amp;Assist: show the engine&apos;s live cue highlights and risk, as on shift</source>
        <translation>Ass&amp;istent: die Live-Indizien und das Risiko der Engine zeigen, wie im Dienst</translation>
    </message>
    <message>
        <source>Assist</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Off: the trainee finds the cues by their own eye, which is what the score then measures.</source>
        <translation>Aus: der Trainee erkennt die Indizien mit eigenem Blick, und genau das misst dann die Punktzahl.</translation>
    </message>
    <message>
        <source>Session status</source>
        <translation>Sitzungsstatus</translation>
    </message>
    <message>
        <source>Training r&amp;esults…</source>
        <translation>Trainings&amp;ergebnisse…</translation>
    </message>
    <message>
        <source>Show the training results</source>
        <translation>Trainingsergebnisse anzeigen</translation>
    </message>
    <message>
        <source>Compare trainees: scores with and without the assist, progress over time, CSV export</source>
        <translation>Trainees vergleichen: Punktzahlen mit und ohne Assistent, Fortschritt über die Zeit, CSV-Export</translation>
    </message>
    <message>
        <source>S&amp;tart training</source>
        <translation>Trai&amp;ning starten</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>The customer is typing…</source>
        <translation>Der Kunde schreibt…</translation>
    </message>
    <message>
        <source>Customer typing</source>
        <translation>Kunde schreibt</translation>
    </message>
    <message>
        <source>Repl&amp;y:</source>
        <translation>Ant&amp;wort:</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <source>Type your reply and press Enter</source>
        <translation>Antwort eingeben und Eingabe drücken</translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation>Se&amp;nden</translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <source>Flag a customer message</source>
        <translation>Eine Kundennachricht markieren</translation>
    </message>
    <message>
        <source>Customer &amp;messages:</source>
        <translation>&amp;Kundennachrichten:</translation>
    </message>
    <message>
        <source>Customer messages</source>
        <translation>Kundennachrichten</translation>
    </message>
    <message>
        <source>C&amp;ue:</source>
        <translation>&amp;Indiz:</translation>
    </message>
    <message>
        <source>Cue to flag</source>
        <translation>Zu markierendes Indiz</translation>
    </message>
    <message>
        <source>&amp;Flag</source>
        <translation>&amp;Markieren</translation>
    </message>
    <message>
        <source>Flag the selected message with the cue</source>
        <translation>Ausgewählte Nachricht mit dem Indiz markieren</translation>
    </message>
    <message>
        <source>Last flag</source>
        <translation>Letzte Markierung</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Trainee actions</source>
        <translation>Aktionen des Trainees</translation>
    </message>
    <message>
        <source>&amp;Verified identity</source>
        <translation>Identität &amp;verifiziert</translation>
    </message>
    <message>
        <source>Verified identity</source>
        <translation>Identität verifiziert</translation>
    </message>
    <message>
        <source>&amp;Refused</source>
        <translation>&amp;Abgelehnt</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>&amp;Offered refund</source>
        <translation>Erstattung an&amp;geboten</translation>
    </message>
    <message>
        <source>Offered refund</source>
        <translation>Erstattung angeboten</translation>
    </message>
    <message>
        <source>Check an action, override, report fraud</source>
        <translation>Aktion prüfen, übersteuern, Betrug melden</translation>
    </message>
    <message>
        <source>Policy check</source>
        <translation>Richtlinienprüfung</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>Nachbesprechung</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>Actions against policy</source>
        <translation>Aktionen entgegen der Richtlinie</translation>
    </message>
    <message>
        <source>Result storage</source>
        <translation>Ergebnisspeicherung</translation>
    </message>
    <message>
        <source>Transcript with your &amp;flags:</source>
        <translation>Verlauf mit Ihren &amp;Markierungen:</translation>
    </message>
    <message>
        <source>Transcript with flags, misses and false flags</source>
        <translation>Verlauf mit Markierungen, Versäumnissen und falschen Markierungen</translation>
    </message>
    <message>
        <source>&amp;Next scenario</source>
        <translation>&amp;Nächstes Szenario</translation>
    </message>
    <message>
        <source>Next scenario</source>
        <translation>Nächstes Szenario</translation>
    </message>
    <message>
        <source>F&amp;inish</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Finish the session</source>
        <translation>Sitzung beenden</translation>
    </message>
    <message>
        <source>&amp;Back to the setup</source>
        <translation>&amp;Zurück zur Einrichtung</translation>
    </message>
    <message>
        <source>Back to the setup</source>
        <translation>Zurück zur Einrichtung</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Refund Guard cannot start</source>
        <translation>Refund Guard kann nicht starten</translation>
    </message>
    <message>
        <source>The agent sidebar: live cues, case context, action checks and audited overrides.</source>
        <translation>Die Seitenleiste für Agenten: Live-Indizien, Fallkontext, Aktionsprüfung und protokollierte Übersteuerungen.</translation>
    </message>
    <message>
        <source>cannot create a temporary folder for the demo: %1</source>
        <translation>für die Demo kann kein temporärer Ordner angelegt werden: %1</translation>
    </message>
    <message>
        <source>there is no audit log at %1 (settings key %2)</source>
        <translation>unter %1 gibt es kein Audit-Protokoll (Einstellungsschlüssel %2)</translation>
    </message>
    <message>
        <source>%1 (demo: generated records)</source>
        <translation>%1 (Demo: generierte Datensätze)</translation>
    </message>
    <message>
        <source>%1 (demo: results are removed at exit)</source>
        <translation>%1 (Demo: Ergebnisse werden beim Beenden gelöscht)</translation>
    </message>
    <message>
        <source>Demo trainee</source>
        <translation>Demo-Trainee</translation>
    </message>
    <message>
        <source>there is no scenario &quot;%1&quot; in the library</source>
        <translation>in der Bibliothek gibt es kein Szenario „%1“</translation>
    </message>
    <message>
        <source>cannot create the data folder %1</source>
        <translation>der Datenordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Bridge on 127.0.0.1:%1</source>
        <translation>Bridge auf 127.0.0.1:%1</translation>
    </message>
    <message>
        <source>Bridge off: %1</source>
        <translation>Bridge aus: %1</translation>
    </message>
    <message>
        <source>AUDIT LOG UNAVAILABLE — overrides cannot be recorded</source>
        <translation>AUDIT-PROTOKOLL NICHT VERFÜGBAR — Übersteuerungen können nicht erfasst werden</translation>
    </message>
    <message>
        <source>Chatwoot %1</source>
        <translation>Chatwoot %1</translation>
    </message>
    <message>
        <source>Demo finished.</source>
        <translation>Demo beendet.</translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation>&amp;Demo</translation>
    </message>
    <message>
        <source>Speed ×%1</source>
        <translation>Geschwindigkeit ×%1</translation>
    </message>
    <message>
        <source>Demo ×%1</source>
        <translation>Demo ×%1</translation>
    </message>
    <message>
        <source>Pack of %1</source>
        <translation>Paket vom %1</translation>
    </message>
    <message>
        <source>OLD PACK of %1</source>
        <translation>ALTES PAKET vom %1</translation>
    </message>
    <message>
        <source>BUILT-IN PACK</source>
        <translation>INTEGRIERTES PAKET</translation>
    </message>
</context>
<context>
    <name>rg::review::OverrideModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Bewertung</translation>
    </message>
</context>
<context>
    <name>rg::ui::ActionPanel</name>
    <message>
        <source>Refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Ersatzlieferung</translation>
    </message>
    <message>
        <source>Concession (goodwill credit)</source>
        <translation>Kulanz (Gutschrift aus Kulanz)</translation>
    </message>
    <message>
        <source>Account change</source>
        <translation>Kontoänderung</translation>
    </message>
    <message>
        <source>Original payment method</source>
        <translation>Ursprüngliches Zahlungsmittel</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Shop-Guthaben</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Geschenkkarte</translation>
    </message>
    <message>
        <source>Another person&apos;s account</source>
        <translation>Konto einer anderen Person</translation>
    </message>
    <message>
        <source>Cryptocurrency</source>
        <translation>Kryptowährung</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <source>Did not arrive</source>
        <translation>Nicht angekommen</translation>
    </message>
    <message>
        <source>Empty box</source>
        <translation>Leerer Karton</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Falscher Artikel</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Zahlungsmittel</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Bestellnummer</translation>
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
        <translation>Keine bestimmte Bestellung</translation>
    </message>
    <message>
        <source>%1 (not in this case)</source>
        <translation>%1 (nicht in diesem Fall)</translation>
    </message>
    <message>
        <source>The action could not be checked: %1</source>
        <translation>Die Aktion konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>the conversation was closed</source>
        <translation>die Unterhaltung wurde geschlossen</translation>
    </message>
    <message>
        <source>Override noted for your debrief (practice: nothing is written to the audit log). You may go ahead.</source>
        <translation>Übersteuerung für Ihre Nachbesprechung notiert (Übung: nichts wird ins Audit-Protokoll geschrieben). Sie können fortfahren.</translation>
    </message>
    <message>
        <source>Override recorded in the audit log (record %1). You may go ahead.</source>
        <translation>Übersteuerung im Audit-Protokoll erfasst (Eintrag %1). Sie können fortfahren.</translation>
    </message>
    <message>
        <source>Report suspected fraud</source>
        <translation>Betrugsverdacht melden</translation>
    </message>
    <message>
        <source>What makes you suspect fraud? A short &amp;note for the fraud team:</source>
        <translation>Was lässt Sie Betrug vermuten? Eine kurze &amp;Notiz für das Betrugsteam:</translation>
    </message>
    <message>
        <source>Note prompt</source>
        <translation>Hinweis zur Notiz</translation>
    </message>
    <message>
        <source>Note for the fraud team</source>
        <translation>Notiz für das Betrugsteam</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialogschaltflächen</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Melden</translation>
    </message>
    <message>
        <source>Send the report</source>
        <translation>Meldung senden</translation>
    </message>
    <message>
        <source>Cancel the report</source>
        <translation>Meldung abbrechen</translation>
    </message>
    <message>
        <source>The report was NOT recorded: the conversation was closed.</source>
        <translation>Die Meldung wurde NICHT erfasst: die Unterhaltung wurde geschlossen.</translation>
    </message>
    <message>
        <source>The report was NOT recorded: %1. Nothing was saved; try again.</source>
        <translation>Die Meldung wurde NICHT erfasst: %1. Nichts wurde gespeichert; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>Suspected fraud reported (practice: noted for your debrief, not sent).</source>
        <translation>Betrugsverdacht gemeldet (Übung: für Ihre Nachbesprechung notiert, nicht gesendet).</translation>
    </message>
    <message>
        <source>Suspected fraud reported (audit record %1).</source>
        <translation>Betrugsverdacht gemeldet (Audit-Eintrag %1).</translation>
    </message>
</context>
<context>
    <name>rg::ui::CasePanel</name>
    <message>
        <source>unknown time</source>
        <translation>unbekannte Zeit</translation>
    </message>
    <message>
        <source>No conversation selected.</source>
        <translation>Keine Unterhaltung ausgewählt.</translation>
    </message>
    <message>
        <source>No case is linked to this chat yet.</source>
        <translation>Mit diesem Chat ist noch kein Fall verknüpft.</translation>
    </message>
    <message>
        <source>Loading case %1…</source>
        <translation>Fall %1 wird geladen…</translation>
    </message>
    <message>
        <source>Case %1 from %2, fetched %3.</source>
        <translation>Fall %1 von %2, abgerufen %3.</translation>
    </message>
    <message>
        <source>Out of date: showing case %1 as of %2. Refreshing failed: %3</source>
        <translation>Veraltet: Fall %1 wird mit Stand %2 angezeigt. Aktualisieren fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Case %1 could not be loaded: %2</source>
        <translation>Fall %1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Account age</source>
        <translation>Kontoalter</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>New device</source>
        <translation>Neues Gerät</translation>
    </message>
    <message>
        <source>Orders (%1)</source>
        <translation>Bestellungen (%1)</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>photo %1 · GPS %2 · signature %3</source>
        <translation>Foto %1 · GPS %2 · Unterschrift %3</translation>
    </message>
    <message>
        <source>Carrier investigation</source>
        <translation>Nachforschung beim Zusteller</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Claim history (%1 in %2 days)</source>
        <translation>Reklamationsverlauf (%1 in %2 Tagen)</translation>
    </message>
    <message>
        <source>Account changes (%1)</source>
        <translation>Kontoänderungen (%1)</translation>
    </message>
    <message>
        <source>%1 via %2: %3 → %4</source>
        <translation>%1 über %2: %3 → %4</translation>
    </message>
    <message>
        <source>Linked accounts (%1)</source>
        <translation>Verknüpfte Konten (%1)</translation>
    </message>
    <message>
        <source>shares %1</source>
        <translation>teilt %1</translation>
    </message>
    <message>
        <source> · FLAGGED for fraud</source>
        <translation> · wegen Betrugs MARKIERT</translation>
    </message>
</context>
<context>
    <name>rg::ui::OverrideDialog</name>
    <message>
        <source>Record &amp;override</source>
        <translation>Übersteuerung &amp;erfassen</translation>
    </message>
    <message>
        <source>Record override</source>
        <translation>Übersteuerung erfassen</translation>
    </message>
    <message>
        <source>Cancel the override</source>
        <translation>Übersteuerung abbrechen</translation>
    </message>
    <message>
        <source>Supervisor approved</source>
        <translation>Vom Supervisor genehmigt</translation>
    </message>
    <message>
        <source>Customer verified by other means</source>
        <translation>Kunde auf anderem Weg verifiziert</translation>
    </message>
    <message>
        <source>Policy exception documented</source>
        <translation>Ausnahme von der Richtlinie dokumentiert</translation>
    </message>
    <message>
        <source>Goodwill within discretion</source>
        <translation>Kulanz im eigenen Ermessensspielraum</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Allow: no policy stops this action.</source>
        <translation>Erlauben: keine Richtlinie verhindert diese Aktion.</translation>
    </message>
    <message>
        <source>Warn: read the policies below before you go ahead.</source>
        <translation>Warnung: lesen Sie die Richtlinien unten, bevor Sie fortfahren.</translation>
    </message>
    <message>
        <source>Block: policy does not allow this action.</source>
        <translation>Blockieren: die Richtlinie erlaubt diese Aktion nicht.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>%1 (%2), %3
%4</source>
        <translation>%1 (%2), %3
%4</translation>
    </message>
    <message>
        <source>%1 could not be evaluated: %2</source>
        <translation>%1 konnte nicht ausgewertet werden: %2</translation>
    </message>
    <message>
        <source>No policy applies to this action.</source>
        <translation>Für diese Aktion gilt keine Richtlinie.</translation>
    </message>
    <message numerus="yes">
        <source>%n more character(s) needed</source>
        <translation>
            <numerusform>Noch %n Zeichen nötig</numerusform>
            <numerusform>Noch %n Zeichen nötig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enough detail (%n character(s))</source>
        <translation>
            <numerusform>Ausreichend ausführlich (%n Zeichen)</numerusform>
            <numerusform>Ausreichend ausführlich (%n Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing is set up to record overrides</source>
        <translation>nichts ist zum Erfassen von Übersteuerungen eingerichtet</translation>
    </message>
    <message>
        <source>The override was NOT recorded: %1. Nothing was saved; try again or escalate.</source>
        <translation>Die Übersteuerung wurde NICHT erfasst: %1. Nichts wurde gespeichert; bitte erneut versuchen oder eskalieren.</translation>
    </message>
</context>
<context>
    <name>rg::ui::PassphraseDialog</name>
    <message>
        <source>Supervisor Passphrase</source>
        <translation>Passphrase des Supervisors</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Supervisor passphrase</source>
        <translation>Passphrase des Supervisors</translation>
    </message>
    <message>
        <source>Con&amp;firm:</source>
        <translation>&amp;Bestätigen:</translation>
    </message>
    <message>
        <source>Confirm the supervisor passphrase</source>
        <translation>Passphrase des Supervisors bestätigen</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialogschaltflächen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Set the Supervisor Passphrase</source>
        <translation>Passphrase des Supervisors festlegen</translation>
    </message>
    <message>
        <source>No supervisor passphrase is set yet. Choose one now: it opens the review of every agent&apos;s overrides. It cannot be recovered, so keep it somewhere safe.</source>
        <translation>Es ist noch keine Passphrase für Supervisoren festgelegt. Wählen Sie jetzt eine: sie öffnet die Prüfung der Übersteuerungen aller Agenten. Sie kann nicht wiederhergestellt werden, bewahren Sie sie also sicher auf.</translation>
    </message>
    <message>
        <source>&amp;Set Passphrase</source>
        <translation>Passphrase &amp;festlegen</translation>
    </message>
    <message>
        <source>Set the supervisor passphrase</source>
        <translation>Passphrase des Supervisors festlegen</translation>
    </message>
    <message>
        <source>Enter the supervisor passphrase to open the review.</source>
        <translation>Geben Sie die Passphrase des Supervisors ein, um die Prüfung zu öffnen.</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Unlock the review</source>
        <translation>Prüfung entsperren</translation>
    </message>
    <message>
        <source>The passphrase was not set: %1.</source>
        <translation>Die Passphrase wurde nicht festgelegt: %1.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Falsche Passphrase.</translation>
    </message>
    <message>
        <source>The passphrase was not checked: %1.</source>
        <translation>Die Passphrase wurde nicht geprüft: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n more character(s) needed. Several unrelated words make a strong passphrase that is easy to remember.</source>
        <translation>
            <numerusform>Noch %n Zeichen nötig. Mehrere unzusammenhängende Wörter ergeben eine starke Passphrase, die leicht zu merken ist.</numerusform>
            <numerusform>Noch %n Zeichen nötig. Mehrere unzusammenhängende Wörter ergeben eine starke Passphrase, die leicht zu merken ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Long enough. Type it again to confirm it.</source>
        <translation>Lang genug. Geben Sie sie zur Bestätigung erneut ein.</translation>
    </message>
    <message>
        <source>Long enough. The confirmation does not match yet.</source>
        <translation>Lang genug. Die Bestätigung stimmt noch nicht überein.</translation>
    </message>
    <message>
        <source>Long enough, and the confirmation matches.</source>
        <translation>Lang genug, und die Bestätigung stimmt überein.</translation>
    </message>
    <message>
        <source>The passphrase cannot be checked: %1.</source>
        <translation>Die Passphrase kann nicht geprüft werden: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele Fehlversuche. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Fehlversuche. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rg::ui::ReviewCharts</name>
    <message>
        <source>Overrides per day by policy</source>
        <translation>Übersteuerungen pro Tag nach Richtlinie</translation>
    </message>
    <message>
        <source>Most overridden policies</source>
        <translation>Am häufigsten übersteuerte Richtlinien</translation>
    </message>
    <message>
        <source>High-risk share of each agent&apos;s overrides, against the team band</source>
        <translation>Hochrisiko-Anteil an den Übersteuerungen jedes Agenten, verglichen mit dem Teamband</translation>
    </message>
    <message>
        <source>T&amp;eam shown:</source>
        <translation>Angezeigtes &amp;Team:</translation>
    </message>
    <message>
        <source>Team shown in the high-risk share chart</source>
        <translation>Team im Diagramm des Hochrisiko-Anteils</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(kein Team)</translation>
    </message>
    <message>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <source>overrides</source>
        <translation>Übersteuerungen</translation>
    </message>
    <message>
        <source>high-risk share (%)</source>
        <translation>Hochrisiko-Anteil (%)</translation>
    </message>
    <message>
        <source>team band, 10th percentile</source>
        <translation>Teamband, 10. Perzentil</translation>
    </message>
    <message>
        <source>team band, 90th percentile</source>
        <translation>Teamband, 90. Perzentil</translation>
    </message>
</context>
<context>
    <name>rg::ui::ReviewWindow</name>
    <message>
        <source>Justified</source>
        <translation>Gerechtfertigt</translation>
    </message>
    <message>
        <source>Coaching needed</source>
        <translation>Schulungsbedarf</translation>
    </message>
    <message>
        <source>Suspected collusion</source>
        <translation>Verdacht auf Absprache</translation>
    </message>
    <message>
        <source>Confirmed fraud</source>
        <translation>Bestätigter Betrug</translation>
    </message>
    <message>
        <source>Press Analyse Period on the Outliers tab (or here: Ctrl+R) to draw the charts.</source>
        <translation>Drücken Sie „Zeitraum analysieren“ auf der Registerkarte „Ausreißer“ (oder hier: Strg+R), um die Diagramme zu zeichnen.</translation>
    </message>
    <message>
        <source>Dispositions cannot be recorded: %1</source>
        <translation>Bewertungen können nicht erfasst werden: %1</translation>
    </message>
    <message>
        <source>no audit log to append to</source>
        <translation>kein Audit-Protokoll zum Anhängen</translation>
    </message>
    <message>
        <source>Any cue</source>
        <translation>Jedes Indiz</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>Jedes Risiko</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Unreviewed</source>
        <translation>Ungeprüft</translation>
    </message>
    <message>
        <source>&amp;Analyse Period</source>
        <translation>Zeitraum anal&amp;ysieren</translation>
    </message>
    <message>
        <source>the review is already open</source>
        <translation>die Prüfung ist bereits geöffnet</translation>
    </message>
    <message>
        <source>Preparing the review of %1…</source>
        <translation>Prüfung von %1 wird vorbereitet…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cannot prepare the review index: %1</source>
        <translation>Der Prüfindex kann nicht vorbereitet werden: %1</translation>
    </message>
    <message>
        <source>Preparing the review was cancelled.</source>
        <translation>Die Vorbereitung der Prüfung wurde abgebrochen.</translation>
    </message>
    <message>
        <source> (more as you scroll)</source>
        <translation> (mehr beim Scrollen)</translation>
    </message>
    <message numerus="yes">
        <source>%n override(s) shown%1 · %2 ms</source>
        <translation>
            <numerusform>%n Übersteuerung angezeigt%1 · %2 ms</numerusform>
            <numerusform>%n Übersteuerungen angezeigt%1 · %2 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read record %1 of chain %2: %3</source>
        <translation>Eintrag %1 der Kette %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>not in the log</source>
        <translation>nicht im Protokoll</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>%1 (team %2)</source>
        <translation>%1 (Team %2)</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Prüfergebnis</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Risk reasons</source>
        <translation>Risikogründe</translation>
    </message>
    <message>
        <source>Reason category</source>
        <translation>Kategorie des Grundes</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>chain %1, seq %2</source>
        <translation>Kette %1, Nr. %2</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Turn %1 · %2</source>
        <translation>Beitrag %1 · %2</translation>
    </message>
    <message>
        <source>cue</source>
        <translation>Indiz</translation>
    </message>
    <message>
        <source>Case as the agent saw it</source>
        <translation>Der Fall, wie der Agent ihn sah</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Konto angelegt</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>new to this account</source>
        <translation>neu für dieses Konto</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Bestellung %1</translation>
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
        <translation>Frühere Reklamationen</translation>
    </message>
    <message>
        <source>Account changes</source>
        <translation>Kontoänderungen</translation>
    </message>
    <message>
        <source>%1 (fraud flag)</source>
        <translation>%1 (Betrugsmarkierung)</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>Verknüpfte Konten</translation>
    </message>
    <message>
        <source>Agent&apos;s limit</source>
        <translation>Limit des Agenten</translation>
    </message>
    <message>
        <source>Case fetched</source>
        <translation>Fall abgerufen</translation>
    </message>
    <message>
        <source>%1 (an out-of-date copy)</source>
        <translation>%1 (eine veraltete Kopie)</translation>
    </message>
    <message>
        <source>Chain: verifying… %1%</source>
        <translation>Kette: wird verifiziert… %1%</translation>
    </message>
    <message>
        <source>Chain: verifying…</source>
        <translation>Kette: wird verifiziert…</translation>
    </message>
    <message>
        <source>Chain: not verified: %1</source>
        <translation>Kette: nicht verifiziert: %1</translation>
    </message>
    <message>
        <source>Chain: verified — this record and every one before it in chain %1 are intact</source>
        <translation>Kette: verifiziert — dieser Eintrag und alle vorherigen in Kette %1 sind unversehrt</translation>
    </message>
    <message>
        <source>Chain: this record was written after the last check; press F5 to check again</source>
        <translation>Kette: dieser Eintrag wurde nach der letzten Prüfung geschrieben; F5 drücken, um erneut zu prüfen</translation>
    </message>
    <message>
        <source>Chain: BROKEN at seq %1 (%2): this record cannot be trusted</source>
        <translation>Kette: UNTERBROCHEN bei Nr. %1 (%2): diesem Eintrag kann nicht vertraut werden</translation>
    </message>
    <message>
        <source>Chain: verified up to this record; broken later, at seq %1 (%2)</source>
        <translation>Kette: bis zu diesem Eintrag verifiziert; später unterbrochen, bei Nr. %1 (%2)</translation>
    </message>
    <message>
        <source>Select an override first.</source>
        <translation>Wählen Sie zuerst eine Übersteuerung aus.</translation>
    </message>
    <message>
        <source>Show the override on the Overrides tab first: only the override whose record is on screen can be judged.</source>
        <translation>Zeigen Sie die Übersteuerung zuerst auf der Registerkarte „Übersteuerungen“ an: nur die Übersteuerung, deren Eintrag zu sehen ist, kann bewertet werden.</translation>
    </message>
    <message>
        <source>Write a note saying why it is &quot;%1&quot;, then press Ctrl+%2.</source>
        <translation>Schreiben Sie eine Notiz, warum es „%1“ ist, und drücken Sie dann Strg+%2.</translation>
    </message>
    <message>
        <source>The disposition is recorded but not yet signed: %1</source>
        <translation>Die Bewertung ist erfasst, aber noch nicht signiert: %1</translation>
    </message>
    <message>
        <source>Recorded &quot;%1&quot; for case %2 (record %3).</source>
        <translation>„%1“ für Fall %2 erfasst (Eintrag %3).</translation>
    </message>
    <message>
        <source>Reading %1 to %2…</source>
        <translation>%1 bis %2 wird gelesen…</translation>
    </message>
    <message>
        <source>Still reading the period for the previous request; try again when it is done.</source>
        <translation>Der Zeitraum der vorherigen Anfrage wird noch gelesen; versuchen Sie es erneut, wenn das erledigt ist.</translation>
    </message>
    <message>
        <source>Cannot analyse: %1</source>
        <translation>Analyse nicht möglich: %1</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Übersteuerungen</translation>
    </message>
    <message>
        <source>Rate (95%)</source>
        <translation>Rate (95%)</translation>
    </message>
    <message>
        <source>Team band</source>
        <translation>Teamband</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>Hohes Risiko</translation>
    </message>
    <message>
        <source>Fraud share</source>
        <translation>Betrugsanteil</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Auffälligkeiten</translation>
    </message>
    <message>
        <source>/contact</source>
        <translation>/Kontakt</translation>
    </message>
    <message>
        <source>/day</source>
        <translation>/Tag</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 agent(s), %2 flagged, %3 override(s). Enter on an agent shows their overrides.</source>
        <translation>%1 Agent(en), %2 auffällig, %3 Übersteuerung(en). Eingabe auf einem Agenten zeigt seine Übersteuerungen.</translation>
    </message>
    <message>
        <source>%1 to %2: %3 override(s), %4 high risk.</source>
        <translation>%1 bis %2: %3 Übersteuerung(en), %4 mit hohem Risiko.</translation>
    </message>
    <message>
        <source>%1 does not stand out from their team in this period.</source>
        <translation>%1 fällt in diesem Zeitraum gegenüber dem eigenen Team nicht auf.</translation>
    </message>
    <message>
        <source>Export PDF Report</source>
        <translation>PDF-Bericht exportieren</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>%1: the file name must end in .pdf or .csv</source>
        <translation>%1: der Dateiname muss auf .pdf oder .csv enden</translation>
    </message>
    <message>
        <source>The chains could not be checked: %1</source>
        <translation>Die Ketten konnten nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>%1 in %2 is not a JSON object (%3); saved filters are left as they are</source>
        <translation>%1 in %2 ist kein JSON-Objekt (%3); gespeicherte Filter bleiben unverändert</translation>
    </message>
    <message>
        <source>(choose a saved filter)</source>
        <translation>(gespeicherten Filter wählen)</translation>
    </message>
    <message>
        <source>Saved filters not stored: %1</source>
        <translation>Gespeicherte Filter nicht abgelegt: %1</translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>A filter named &quot;%1&quot; exists. Replace it?</source>
        <translation>Ein Filter namens „%1“ existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Delete Filter</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <source>Forget the filter &quot;%1&quot;?</source>
        <translation>Den Filter „%1“ vergessen?</translation>
    </message>
</context>
<context>
    <name>rg::ui::RiskBadge</name>
    <message>
        <source>Low risk</source>
        <translation>Niedriges Risiko</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>Mittleres Risiko</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>Hohes Risiko</translation>
    </message>
    <message>
        <source>Not judged yet</source>
        <translation>Noch nicht bewertet</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>Risiko: %1</translation>
    </message>
</context>
<context>
    <name>rg::ui::SettingsDialog</name>
    <message>
        <source>Refund Guard Settings</source>
        <translation>Refund-Guard-Einstellungen</translation>
    </message>
    <message>
        <source>Case service</source>
        <translation>Falldienst</translation>
    </message>
    <message>
        <source>Case service &amp;URL:</source>
        <translation>&amp;URL des Falldienstes:</translation>
    </message>
    <message>
        <source>Case service URL</source>
        <translation>URL des Falldienstes</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Case service token</source>
        <translation>Token des Falldienstes</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>An&amp;zeigen</translation>
    </message>
    <message>
        <source>Show the case service token</source>
        <translation>Token des Falldienstes anzeigen</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>Audit &amp;database URL:</source>
        <translation>URL der Au&amp;dit-Datenbank:</translation>
    </message>
    <message>
        <source>Audit database URL</source>
        <translation>URL der Audit-Datenbank</translation>
    </message>
    <message>
        <source>A postgresql:// URL is shown without its password, which has a field of its own.</source>
        <translation>Eine postgresql://-URL wird ohne ihr Passwort angezeigt, das ein eigenes Feld hat.</translation>
    </message>
    <message>
        <source>Pa&amp;ssword:</source>
        <translation>Pa&amp;sswort:</translation>
    </message>
    <message>
        <source>Audit database password</source>
        <translation>Passwort der Audit-Datenbank</translation>
    </message>
    <message>
        <source>Only for a postgresql:// URL</source>
        <translation>Nur für eine postgresql://-URL</translation>
    </message>
    <message>
        <source>Browser bridge</source>
        <translation>Browser-Bridge</translation>
    </message>
    <message>
        <source>Bridge &amp;port:</source>
        <translation>&amp;Port der Bridge:</translation>
    </message>
    <message>
        <source>Bridge port</source>
        <translation>Port der Bridge</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Beliebiger freier Port</translation>
    </message>
    <message>
        <source>Allowed &amp;origins:</source>
        <translation>Zugelassene &amp;Origins:</translation>
    </message>
    <message>
        <source>Bridge allowed origins</source>
        <translation>Zugelassene Origins der Bridge</translation>
    </message>
    <message>
        <source>Bridge to&amp;ken:</source>
        <translation>To&amp;ken der Bridge:</translation>
    </message>
    <message>
        <source>Bridge token</source>
        <translation>Token der Bridge</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Kopi&amp;eren</translation>
    </message>
    <message>
        <source>Copy the bridge token</source>
        <translation>Token der Bridge kopieren</translation>
    </message>
    <message>
        <source>Rules and policies</source>
        <translation>Regeln und Richtlinien</translation>
    </message>
    <message>
        <source>&amp;Rule pack:</source>
        <translation>&amp;Regelpaket:</translation>
    </message>
    <message>
        <source>Rule pack path</source>
        <translation>Pfad des Regelpakets</translation>
    </message>
    <message>
        <source>Built-in rule pack</source>
        <translation>Integriertes Regelpaket</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durchsu&amp;chen…</translation>
    </message>
    <message>
        <source>Browse for a rule pack</source>
        <translation>Nach einem Regelpaket suchen</translation>
    </message>
    <message>
        <source>Po&amp;licies folder:</source>
        <translation>R&amp;ichtlinienordner:</translation>
    </message>
    <message>
        <source>Policies folder path</source>
        <translation>Pfad des Richtlinienordners</translation>
    </message>
    <message>
        <source>Built-in policies</source>
        <translation>Integrierte Richtlinien</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durchsuc&amp;hen…</translation>
    </message>
    <message>
        <source>Browse for a policies folder</source>
        <translation>Nach einem Richtlinienordner suchen</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Keep the sidebar &amp;above other windows</source>
        <translation>Seitenleiste &amp;über anderen Fenstern halten</translation>
    </message>
    <message>
        <source>Stay on top</source>
        <translation>Immer im Vordergrund</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>Spr&amp;ache:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language of Refund Guard&apos;s windows; takes effect the next time it starts.</source>
        <translation>Die Sprache der Fenster von Refund Guard; wirksam ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Reset every setting you can change to its default? Your case service token is kept, and nothing is saved until you click Save.</source>
        <translation>Alle Einstellungen, die Sie ändern dürfen, auf ihre Standardwerte zurücksetzen? Ihr Token des Falldienstes bleibt erhalten, und nichts wird gespeichert, bevor Sie auf „Speichern“ klicken.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Confirm reset to defaults</source>
        <translation>Zurücksetzen auf Standardwerte bestätigen</translation>
    </message>
    <message>
        <source>Keep My Values</source>
        <translation>Meine Werte behalten</translation>
    </message>
    <message>
        <source>Cancel reset to defaults</source>
        <translation>Zurücksetzen auf Standardwerte abbrechen</translation>
    </message>
    <message>
        <source>R&amp;eset to Defaults…</source>
        <translation>Auf Standard&amp;werte zurücksetzen…</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>Auf Standardwerte zurücksetzen</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialogschaltflächen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Nicht verfügbar</translation>
    </message>
    <message>
        <source>Allowed origins</source>
        <translation>Zugelassene Origins</translation>
    </message>
    <message>
        <source>Rule pack</source>
        <translation>Regelpaket</translation>
    </message>
    <message>
        <source>Policies folder</source>
        <translation>Richtlinienordner</translation>
    </message>
    <message>
        <source>Set by your administrator in %1; it cannot be changed here.</source>
        <translation>Von Ihrem Administrator in %1 festgelegt; hier nicht änderbar.</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Von Ihrem Administrator festgelegt</translation>
    </message>
    <message>
        <source>These stored settings could not be used:</source>
        <translation>Diese gespeicherten Einstellungen konnten nicht verwendet werden:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Saved. Restart Refund Guard to apply: %1.</source>
        <translation>Gespeichert. Starten Sie Refund Guard neu, um dies anzuwenden: %1.</translation>
    </message>
    <message>
        <source>Choose the Policies Folder</source>
        <translation>Richtlinienordner wählen</translation>
    </message>
    <message>
        <source>Choose a Rule Pack</source>
        <translation>Regelpaket wählen</translation>
    </message>
    <message>
        <source>Rule packs (*.json)</source>
        <translation>Regelpakete (*.json)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Defaults filled in. Click Save to keep them.</source>
        <translation>Standardwerte eingetragen. Klicken Sie auf „Speichern“, um sie zu behalten.</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Verbergen</translation>
    </message>
    <message>
        <source>Hide the case service token</source>
        <translation>Token des Falldienstes verbergen</translation>
    </message>
</context>
<context>
    <name>rg::ui::SidebarWindow</name>
    <message>
        <source>Feed event refused: %1</source>
        <translation>Feed-Ereignis abgelehnt: %1</translation>
    </message>
    <message>
        <source>Stay on top not saved: %1</source>
        <translation>„Immer im Vordergrund“ nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Override recorded in the audit log (seq %1).</source>
        <translation>Übersteuerung im Audit-Protokoll erfasst (Nr. %1).</translation>
    </message>
    <message>
        <source>Suspected fraud reported (audit seq %1).</source>
        <translation>Betrugsverdacht gemeldet (Audit-Nr. %1).</translation>
    </message>
    <message>
        <source>High-risk contact</source>
        <translation>Kontakt mit hohem Risiko</translation>
    </message>
    <message>
        <source>%1 could not be judged, what is shown is older: %2</source>
        <translation>%1 konnte nicht bewertet werden, die Anzeige ist älter: %2</translation>
    </message>
    <message>
        <source>[new cues] %1</source>
        <translation>[neue Indizien] %1</translation>
    </message>
    <message>
        <source>No open chat</source>
        <translation>Kein offener Chat</translation>
    </message>
    <message>
        <source>Waiting for the console to send a conversation.</source>
        <translation>Warten darauf, dass die Konsole eine Unterhaltung sendet.</translation>
    </message>
    <message>
        <source>Refund Guard</source>
        <translation>Refund Guard</translation>
    </message>
    <message>
        <source>Chat %1 (no case yet)</source>
        <translation>Chat %1 (noch kein Fall)</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Fall %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · account %n day(s) old</source>
        <translation>
            <numerusform>%1 · Konto %n Tag alt</numerusform>
            <numerusform>%1 · Konto %n Tage alt</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Kunde: %1</translation>
    </message>
    <message>
        <source>No cues so far.</source>
        <translation>Bisher keine Indizien.</translation>
    </message>
    <message>
        <source>%1 — Refund Guard</source>
        <translation>%1 — Refund Guard</translation>
    </message>
    <message>
        <source>New strong cue: %1 — “%2” (turn %3)</source>
        <translation>Neues starkes Indiz: %1 — „%2“ (Beitrag %3)</translation>
    </message>
    <message numerus="yes">
        <source>%1, and %n more</source>
        <translation>
            <numerusform>%1 und %n weiteres</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rg::ui::SignalsModel</name>
    <message>
        <source>%1 (%2), turn %3: “%4”</source>
        <translation>%1 (%2), Beitrag %3: „%4“</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>stark</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>schwach</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>Indiz</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>Beitrag</translation>
    </message>
</context>
<context>
    <name>rg::ui::TrainerWindow</name>
    <message>
        <source>Verified identity</source>
        <translation>Identität verifiziert</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Offered refund</source>
        <translation>Erstattung angeboten</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Overrode</source>
        <translation>Übersteuert</translation>
    </message>
    <message>
        <source>Fraud stopped</source>
        <translation>Betrug verhindert</translation>
    </message>
    <message>
        <source>Fraud succeeded</source>
        <translation>Betrug gelungen</translation>
    </message>
    <message>
        <source>Genuine customer served</source>
        <translation>Echter Kunde bedient</translation>
    </message>
    <message>
        <source>Genuine customer wrongly refused</source>
        <translation>Echter Kunde zu Unrecht abgewiesen</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Unvollständig</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>erlauben</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>block</source>
        <translation>Blockierung</translation>
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
        <translation>Titel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>Schwierigkeit</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Genuine</source>
        <translation>Echt</translation>
    </message>
    <message>
        <source>Fraud attempt</source>
        <translation>Betrugsversuch</translation>
    </message>
    <message numerus="yes">
        <source>%n scenario file(s) could not be loaded and are not offered:
</source>
        <translation>
            <numerusform>%n Szenariodatei konnte nicht geladen werden und wird nicht angeboten:
</numerusform>
            <numerusform>%n Szenariodateien konnten nicht geladen werden und werden nicht angeboten:
</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the customer message to flag first.</source>
        <translation>Wählen Sie zuerst die Kundennachricht aus, die Sie markieren wollen.</translation>
    </message>
    <message>
        <source>Flag with a cue</source>
        <translation>Mit einem Indiz markieren</translation>
    </message>
    <message>
        <source>The detection engine is not available, so no scenario can run.</source>
        <translation>Die Erkennungs-Engine ist nicht verfügbar, daher kann kein Szenario laufen.</translation>
    </message>
    <message>
        <source>Enter the trainee&apos;s name first.</source>
        <translation>Geben Sie zuerst den Namen des Trainees ein.</translation>
    </message>
    <message>
        <source>Select at least one scenario.</source>
        <translation>Wählen Sie mindestens ein Szenario aus.</translation>
    </message>
    <message>
        <source>Fix the name first: %1.</source>
        <translation>Korrigieren Sie zuerst den Namen: %1.</translation>
    </message>
    <message>
        <source>Scenario %1 of %2 · %3</source>
        <translation>Szenario %1 von %2 · %3</translation>
    </message>
    <message>
        <source>assist on</source>
        <translation>Assistent an</translation>
    </message>
    <message>
        <source>assist off</source>
        <translation>Assistent aus</translation>
    </message>
    <message>
        <source>No scenario is running.</source>
        <translation>Es läuft kein Szenario.</translation>
    </message>
    <message>
        <source>Type a reply first.</source>
        <translation>Geben Sie zuerst eine Antwort ein.</translation>
    </message>
    <message>
        <source>Give the reason for the override first.</source>
        <translation>Geben Sie zuerst den Grund der Übersteuerung an.</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Sie: %1</translation>
    </message>
    <message>
        <source>You: %1 (reason: %2)</source>
        <translation>Sie: %1 (Grund: %2)</translation>
    </message>
    <message>
        <source>Message %1 flagged: %2.</source>
        <translation>Nachricht %1 markiert: %2.</translation>
    </message>
    <message>
        <source>%1. %2
Flagged: %3</source>
        <translation>%1. %2
Markiert: %3</translation>
    </message>
    <message>
        <source>The action could not be checked.</source>
        <translation>Die Aktion konnte nicht geprüft werden.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>The assist could not judge the chat: %1</source>
        <translation>Der Assistent konnte den Chat nicht bewerten: %1</translation>
    </message>
    <message>
        <source>The customer is typing…</source>
        <translation>Der Kunde schreibt…</translation>
    </message>
    <message>
        <source>Kept for this session only: %1</source>
        <translation>Nur für diese Sitzung behalten: %1</translation>
    </message>
    <message>
        <source>no training database</source>
        <translation>keine Trainingsdatenbank</translation>
    </message>
    <message>
        <source>NOT saved: %1. The result is kept for this session only.</source>
        <translation>NICHT gespeichert: %1. Das Ergebnis bleibt nur für diese Sitzung erhalten.</translation>
    </message>
    <message>
        <source>Saved to the training results (run %1).</source>
        <translation>In den Trainingsergebnissen gespeichert (Durchlauf %1).</translation>
    </message>
    <message>
        <source>Debrief: %1</source>
        <translation>Nachbesprechung: %1</translation>
    </message>
    <message>
        <source>Outcome: %1 — the right outcome.</source>
        <translation>Ergebnis: %1 — das richtige Ergebnis.</translation>
    </message>
    <message>
        <source>Outcome: %1 — this scenario called for: %2.</source>
        <translation>Ergebnis: %1 — dieses Szenario verlangte: %2.</translation>
    </message>
    <message>
        <source>Score %1 of 100 · weighted %2 (difficulty %3)
Flags: %4 correct, %5 false, %6 missed (precision %7, recall %8)
Policy: %9 check(s), %10 warning(s) heeded, %11 breach(es), %12 override(s)</source>
        <translation>Punktzahl %1 von 100 · gewichtet %2 (Schwierigkeit %3)
Markierungen: %4 richtig, %5 falsch, %6 verpasst (Präzision %7, Trefferquote %8)
Richtlinie: %9 Prüfung(en), %10 Warnung(en) beachtet, %11 Verstoß/Verstöße, %12 Übersteuerung(en)</translation>
    </message>
    <message>
        <source>Actions against policy: none.</source>
        <translation>Aktionen entgegen der Richtlinie: keine.</translation>
    </message>
    <message>
        <source>Actions against policy:</source>
        <translation>Aktionen entgegen der Richtlinie:</translation>
    </message>
    <message>
        <source>a breach: no reason given</source>
        <translation>ein Verstoß: kein Grund angegeben</translation>
    </message>
    <message>
        <source>an override, reason: %1</source>
        <translation>eine Übersteuerung, Grund: %1</translation>
    </message>
    <message>
        <source>• %1 after a %2 on %3 — %4</source>
        <translation>• %1 nach %2 bei %3 — %4</translation>
    </message>
    <message>
        <source>Customer · message %1</source>
        <translation>Kunde · Nachricht %1</translation>
    </message>
    <message>
        <source>You replied</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <source>Your action</source>
        <translation>Ihre Aktion</translation>
    </message>
    <message>
        <source>⚠ In your reply: %1 (“%2”)</source>
        <translation>⚠ In Ihrer Antwort: %1 („%2“)</translation>
    </message>
    <message>
        <source>(The customer&apos;s last word after the run ended: not scored.)</source>
        <translation>(Das letzte Wort des Kunden nach Ende des Durchlaufs: nicht bewertet.)</translation>
    </message>
    <message>
        <source>✓ Correct flag: %1</source>
        <translation>✓ Richtige Markierung: %1</translation>
    </message>
    <message>
        <source>✗ False flag (already flagged here): %1</source>
        <translation>✗ Falsche Markierung (hier schon markiert): %1</translation>
    </message>
    <message>
        <source>✗ False flag: %1</source>
        <translation>✗ Falsche Markierung: %1</translation>
    </message>
    <message>
        <source>○ Missed cue: %1</source>
        <translation>○ Verpasstes Indiz: %1</translation>
    </message>
    <message numerus="yes">
        <source>Session finished for %1: %n run(s), mean weighted score %2.</source>
        <translation>
            <numerusform>Sitzung für %1 beendet: %n Durchlauf, mittlere gewichtete Punktzahl %2.</numerusform>
            <numerusform>Sitzung für %1 beendet: %n Durchläufe, mittlere gewichtete Punktzahl %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rg::ui::TrainingResultsView</name>
    <message>
        <source>A&amp;nonymise trainees</source>
        <translation>Trainees &amp;anonymisieren</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Co&amp;hort:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <source>Cohort shown</source>
        <translation>Angezeigte Gruppe</translation>
    </message>
    <message>
        <source>Show trainees under pseudonyms</source>
        <translation>Trainees unter Pseudonymen anzeigen</translation>
    </message>
    <message>
        <source>Show and export each trainee as a stable pseudonym (trainee-…) instead of the name</source>
        <translation>Jeden Trainee statt mit Namen mit einem festen Pseudonym (trainee-…) anzeigen und exportieren</translation>
    </message>
    <message>
        <source>Reload the training results</source>
        <translation>Trainingsergebnisse neu laden</translation>
    </message>
    <message>
        <source>Export the runs shown as CSV</source>
        <translation>Angezeigte Durchläufe als CSV exportieren</translation>
    </message>
    <message>
        <source>Training results problem</source>
        <translation>Problem mit den Trainingsergebnissen</translation>
    </message>
    <message>
        <source>Cohort comparison</source>
        <translation>Gruppenvergleich</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <source>Mean weighted</source>
        <translation>Gewichtetes Mittel</translation>
    </message>
    <message>
        <source>Mean weighted score of all runs</source>
        <translation>Mittlere gewichtete Punktzahl aller Durchläufe</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Cues flagged of the cues there were to flag, over all runs</source>
        <translation>Markierte Indizien von allen zu markierenden, über alle Durchläufe</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Flags that were right, over all runs</source>
        <translation>Richtige Markierungen, über alle Durchläufe</translation>
    </message>
    <message>
        <source>Fraud stopped</source>
        <translation>Betrug verhindert</translation>
    </message>
    <message>
        <source>Share of the fraud scenarios that ended with the fraud stopped</source>
        <translation>Anteil der Betrugsszenarien, die mit verhindertem Betrug endeten</translation>
    </message>
    <message>
        <source>Wrong refusals</source>
        <translation>Falsche Ablehnungen</translation>
    </message>
    <message>
        <source>Share of the genuine scenarios that ended in a wrong refusal</source>
        <translation>Anteil der echten Szenarien, die mit einer falschen Ablehnung endeten</translation>
    </message>
    <message>
        <source>With assist (n)</source>
        <translation>Mit Assistent (n)</translation>
    </message>
    <message>
        <source>Mean weighted score with the assistant&apos;s cues (runs)</source>
        <translation>Mittlere gewichtete Punktzahl mit den Indizien des Assistenten (Durchläufe)</translation>
    </message>
    <message>
        <source>Without assist (n)</source>
        <translation>Ohne Assistent (n)</translation>
    </message>
    <message>
        <source>Mean weighted score without the assistant (runs)</source>
        <translation>Mittlere gewichtete Punktzahl ohne den Assistenten (Durchläufe)</translation>
    </message>
    <message>
        <source>Assist gain</source>
        <translation>Gewinn durch Assistent</translation>
    </message>
    <message>
        <source>Mean weighted score with the assistant minus without it, when there were both</source>
        <translation>Mittlere gewichtete Punktzahl mit Assistent minus ohne, wenn es beides gab</translation>
    </message>
    <message>
        <source>Weighted score over time</source>
        <translation>Gewichtete Punktzahl im Zeitverlauf</translation>
    </message>
    <message>
        <source>Cannot load the training results: no results store is open.</source>
        <translation>Die Trainingsergebnisse können nicht geladen werden: kein Ergebnisspeicher ist geöffnet.</translation>
    </message>
    <message>
        <source>Cannot load the training results: %1</source>
        <translation>Die Trainingsergebnisse können nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>All cohorts</source>
        <translation>Alle Gruppen</translation>
    </message>
    <message>
        <source>(no cohort)</source>
        <translation>(keine Gruppe)</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Durchlauf</numerusform>
            <numerusform>%n Durchläufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trainee(s)</source>
        <translation>
            <numerusform>%n Trainee</numerusform>
            <numerusform>%n Trainees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fraud run(s)</source>
        <translation>
            <numerusform>%n Betrugsdurchlauf</numerusform>
            <numerusform>%n Betrugsdurchläufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n genuine run(s)</source>
        <translation>
            <numerusform>%n echter Durchlauf</numerusform>
            <numerusform>%n echte Durchläufe</numerusform>
        </translation>
    </message>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>no pseudonym salt file is set</source>
        <translation>keine Salt-Datei für Pseudonyme festgelegt</translation>
    </message>
    <message>
        <source>Cannot anonymise the trainees: %1</source>
        <translation>Die Trainees können nicht anonymisiert werden: %1</translation>
    </message>
    <message>
        <source>Export Training Results</source>
        <translation>Trainingsergebnisse exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n run(s) to %1</source>
        <translation>
            <numerusform>%n Durchlauf nach %1 exportiert</numerusform>
            <numerusform>%n Durchläufe nach %1 exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rg::ui::TranscriptView</name>
    <message>
        <source>Chat transcript</source>
        <translation>Chatverlauf</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>%1 · turn %2</source>
        <translation>%1 · Beitrag %2</translation>
    </message>
</context>
</TS>
