<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionPanel</name>
    <message>
        <source>Action check</source>
        <translation>Action check</translation>
    </message>
    <message>
        <source>Proposed action</source>
        <translation>Proposed action</translation>
    </message>
    <message>
        <source>Action t&amp;ype:</source>
        <translation>Action t&amp;ype:</translation>
    </message>
    <message>
        <source>Action type</source>
        <translation>Action type</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>&amp;Order:</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Changed f&amp;ield:</source>
        <translation>Changed f&amp;ield:</translation>
    </message>
    <message>
        <source>Account detail changed</source>
        <translation>Account detail changed</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>A&amp;mount:</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>C&amp;urrency:</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <source>&amp;Refund method:</source>
        <translation>&amp;Refund method:</translation>
    </message>
    <message>
        <source>Refund method</source>
        <translation>Refund method</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>Rea&amp;son:</translation>
    </message>
    <message>
        <source>Reason for the claim</source>
        <translation>Reason for the claim</translation>
    </message>
    <message>
        <source>Return required</source>
        <translation>Return required</translation>
    </message>
    <message>
        <source>Return re&amp;quired first</source>
        <translation>Return re&amp;quired first</translation>
    </message>
    <message>
        <source>Check the action against policy</source>
        <translation>Check the action against policy</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>Chec&amp;k</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Verdict icon</source>
        <translation>Verdict icon</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Policies that fired</source>
        <translation>Policies that fired</translation>
    </message>
    <message>
        <source>Cancel the action</source>
        <translation>Cancel the action</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>Cance&amp;l</translation>
    </message>
    <message>
        <source>Proceed anyway with a recorded override</source>
        <translation>Proceed anyway with a recorded override</translation>
    </message>
    <message>
        <source>&amp;Proceed anyway…</source>
        <translation>&amp;Proceed anyway…</translation>
    </message>
    <message>
        <source>Message icon</source>
        <translation>Message icon</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Report suspected fraud</source>
        <translation>Report suspected fraud</translation>
    </message>
    <message>
        <source>R&amp;eport suspected fraud…</source>
        <translation>R&amp;eport suspected fraud…</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Case context</source>
        <translation>Case context</translation>
    </message>
    <message>
        <source>Case status</source>
        <translation>Case status</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <source>Fetch the case again</source>
        <translation>Fetch the case again</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>Case details</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
</context>
<context>
    <name>CueExplanation</name>
    <message>
        <source>An explicit push for speed (&quot;do it now&quot;, &quot;hurry&quot;) meant to make you skip steps; a date stated as a fact is not this cue.</source>
        <translation>An explicit push for speed (&quot;do it now&quot;, &quot;hurry&quot;) meant to make you skip steps; a date stated as a fact is not this cue.</translation>
    </message>
    <message>
        <source>A claim of rank, status or prior approval (&quot;your supervisor already approved it&quot;) meant to override the process.</source>
        <translation>A claim of rank, status or prior approval (&quot;your supervisor already approved it&quot;) meant to override the process.</translation>
    </message>
    <message>
        <source>Avoiding, shortcutting or refusing identity verification (&quot;skip the security questions&quot;, &quot;just use this email&quot;).</source>
        <translation>Avoiding, shortcutting or refusing identity verification (&quot;skip the security questions&quot;, &quot;just use this email&quot;).</translation>
    </message>
    <message>
        <source>Moving contact or payment off the official channels (Telegram, a personal phone or email), where nothing is recorded.</source>
        <translation>Moving contact or payment off the official channels (Telegram, a personal phone or email), where nothing is recorded.</translation>
    </message>
    <message>
        <source>Offering you money, a gift, a cut or a side job: an attempt to recruit you, to be reported, never negotiated.</source>
        <translation>Offering you money, a gift, a cut or a side job: an attempt to recruit you, to be reported, never negotiated.</translation>
    </message>
    <message>
        <source>Vocabulary of the refunding scene (DNA, EB, FTID, boxing, &quot;pro refunder&quot;): the customer knows the playbook.</source>
        <translation>Vocabulary of the refunding scene (DNA, EB, FTID, boxing, &quot;pro refunder&quot;): the customer knows the playbook.</translation>
    </message>
    <message>
        <source>Says the parcel never arrived: neutral evidence on its own, to be weighed against the delivery record.</source>
        <translation>Says the parcel never arrived: neutral evidence on its own, to be weighed against the delivery record.</translation>
    </message>
    <message>
        <source>Says the box was empty, the item wrong or swapped, or parts missing: neutral evidence, the core of the empty-box scheme.</source>
        <translation>Says the box was empty, the item wrong or swapped, or parts missing: neutral evidence, the core of the empty-box scheme.</translation>
    </message>
    <message>
        <source>Asks to change the email, phone, password, address or payment method during the contact: a sign of a taken-over account.</source>
        <translation>Asks to change the email, phone, password, address or payment method during the contact: a sign of a taken-over account.</translation>
    </message>
    <message>
        <source>Wants the refund paid somewhere other than the original payment method (gift card, another account, crypto).</source>
        <translation>Wants the refund paid somewhere other than the original payment method (gift card, another account, crypto).</translation>
    </message>
    <message>
        <source>Sends you a URL or file link, whatever it claims to be: it may be phishing or a forged proof.</source>
        <translation>Sends you a URL or file link, whatever it claims to be: it may be phishing or a forged proof.</translation>
    </message>
    <message>
        <source>Asks you for internal data, logins, codes, account details on file or screenshots of your tools, or to install software.</source>
        <translation>Asks you for internal data, logins, codes, account details on file or screenshots of your tools, or to install software.</translation>
    </message>
    <message>
        <source>Threats or emotional leverage (a chargeback, a public post, a lawyer, your job) to make you give in.</source>
        <translation>Threats or emotional leverage (a chargeback, a public post, a lawyer, your job) to make you give in.</translation>
    </message>
    <message>
        <source>Tells you which internal action or exception to use (&quot;mark it as lost in transit&quot;): customers rarely know those names.</source>
        <translation>Tells you which internal action or exception to use (&quot;mark it as lost in transit&quot;): customers rarely know those names.</translation>
    </message>
    <message>
        <source>You disclosed account details (full address, email, phone, more than the last four card digits) to someone not yet verified.</source>
        <translation>You disclosed account details (full address, email, phone, more than the last four card digits) to someone not yet verified.</translation>
    </message>
    <message>
        <source>You agreed to or proposed contact outside the official channels.</source>
        <translation>You agreed to or proposed contact outside the official channels.</translation>
    </message>
    <message>
        <source>You promised a refund or an exception before the checks were done.</source>
        <translation>You promised a refund or an exception before the checks were done.</translation>
    </message>
</context>
<context>
    <name>CueTitle</name>
    <message>
        <source>Artificial time pressure</source>
        <translation>Artificial time pressure</translation>
    </message>
    <message>
        <source>Claimed rank or prior approval</source>
        <translation>Claimed rank or prior approval</translation>
    </message>
    <message>
        <source>Avoiding identity verification</source>
        <translation>Avoiding identity verification</translation>
    </message>
    <message>
        <source>Moving contact off official channels</source>
        <translation>Moving contact off official channels</translation>
    </message>
    <message>
        <source>Offering the agent money or a side job</source>
        <translation>Offering the agent money or a side job</translation>
    </message>
    <message>
        <source>Refund-scene vocabulary</source>
        <translation>Refund-scene vocabulary</translation>
    </message>
    <message>
        <source>Says the parcel never arrived</source>
        <translation>Says the parcel never arrived</translation>
    </message>
    <message>
        <source>Empty box, wrong or missing item</source>
        <translation>Empty box, wrong or missing item</translation>
    </message>
    <message>
        <source>Changes account details during the contact</source>
        <translation>Changes account details during the contact</translation>
    </message>
    <message>
        <source>Refund to another payment method</source>
        <translation>Refund to another payment method</translation>
    </message>
    <message>
        <source>Sends a link</source>
        <translation>Sends a link</translation>
    </message>
    <message>
        <source>Asks for internal data or codes</source>
        <translation>Asks for internal data or codes</translation>
    </message>
    <message>
        <source>Threats or emotional leverage</source>
        <translation>Threats or emotional leverage</translation>
    </message>
    <message>
        <source>Tells the agent which internal action to use</source>
        <translation>Tells the agent which internal action to use</translation>
    </message>
    <message>
        <source>Agent discloses account PII</source>
        <translation>Agent discloses account PII</translation>
    </message>
    <message>
        <source>Agent moves contact off platform</source>
        <translation>Agent moves contact off platform</translation>
    </message>
    <message>
        <source>Agent promises before checks</source>
        <translation>Agent promises before checks</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Proceed against policy</source>
        <translation>Proceed against policy</translation>
    </message>
    <message>
        <source>What an override means</source>
        <translation>What an override means</translation>
    </message>
    <message>
        <source>You are about to go ahead against this decision. Your reason, the decision and the evidence are written to the audit log, and a supervisor reviews every override.</source>
        <translation>You are about to go ahead against this decision. Your reason, the decision and the evidence are written to the audit log, and a supervisor reviews every override.</translation>
    </message>
    <message>
        <source>Verdict icon</source>
        <translation>Verdict icon</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Policies that fired</source>
        <translation>Policies that fired</translation>
    </message>
    <message>
        <source>Reason c&amp;ategory:</source>
        <translation>Reason c&amp;ategory:</translation>
    </message>
    <message>
        <source>Reason category</source>
        <translation>Reason category</translation>
    </message>
    <message>
        <source>Choose a category</source>
        <translation>Choose a category</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Reason for the override</translation>
    </message>
    <message>
        <source>Who approved it, or how you verified the customer</source>
        <translation>Who approved it, or how you verified the customer</translation>
    </message>
    <message>
        <source>Reason length</source>
        <translation>Reason length</translation>
    </message>
    <message>
        <source>I take responsibility for this override</source>
        <translation>I take responsibility for this override</translation>
    </message>
    <message>
        <source>I &amp;take responsibility for this override, and the reason above is true.</source>
        <translation>I &amp;take responsibility for this override, and the reason above is true.</translation>
    </message>
    <message>
        <source>Error icon</source>
        <translation>Error icon</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialog buttons</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Refund Guard — Override Review</source>
        <translation>Refund Guard — Override Review</translation>
    </message>
    <message>
        <source>&amp;Overrides</source>
        <translation>&amp;Overrides</translation>
    </message>
    <message>
        <source>Fro&amp;m (UTC):</source>
        <translation>Fro&amp;m (UTC):</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>To date, inclusive</source>
        <translation>To date, inclusive</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>A&amp;gent:</translation>
    </message>
    <message>
        <source>any agent</source>
        <translation>any agent</translation>
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
        <translation>any team</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>&amp;Policy:</source>
        <translation>&amp;Policy:</translation>
    </message>
    <message>
        <source>any policy</source>
        <translation>any policy</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>C&amp;ue:</source>
        <translation>C&amp;ue:</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>Cue</translation>
    </message>
    <message>
        <source>Ris&amp;k:</source>
        <translation>Ris&amp;k:</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <source>Disposition status</source>
        <translation>Disposition status</translation>
    </message>
    <message>
        <source>Searc&amp;h:</source>
        <translation>Searc&amp;h:</translation>
    </message>
    <message>
        <source>words in reasons and evidence</source>
        <translation>words in reasons and evidence</translation>
    </message>
    <message>
        <source>Search reasons and evidence</source>
        <translation>Search reasons and evidence</translation>
    </message>
    <message>
        <source>&amp;Saved:</source>
        <translation>&amp;Saved:</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Saved filters</translation>
    </message>
    <message>
        <source>Save F&amp;ilter…</source>
        <translation>Save F&amp;ilter…</translation>
    </message>
    <message>
        <source>Keep the current filter under a name</source>
        <translation>Keep the current filter under a name</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Forget the selected saved filter</source>
        <translation>Forget the selected saved filter</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Overrides</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>Chain status</translation>
    </message>
    <message>
        <source>Override details</source>
        <translation>Override details</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>why: required; Ctrl+1…4 records from here</source>
        <translation>why: required; Ctrl+1…4 records from here</translation>
    </message>
    <message>
        <source>Disposition note</source>
        <translation>Disposition note</translation>
    </message>
    <message>
        <source>1 Justified</source>
        <translation>1 Justified</translation>
    </message>
    <message>
        <source>Record the override as justified (1)</source>
        <translation>Record the override as justified (1)</translation>
    </message>
    <message>
        <source>2 Coaching needed</source>
        <translation>2 Coaching needed</translation>
    </message>
    <message>
        <source>Record that the agent needs coaching (2)</source>
        <translation>Record that the agent needs coaching (2)</translation>
    </message>
    <message>
        <source>3 Suspected collusion</source>
        <translation>3 Suspected collusion</translation>
    </message>
    <message>
        <source>Record suspected collusion (3)</source>
        <translation>Record suspected collusion (3)</translation>
    </message>
    <message>
        <source>4 Confirmed fraud</source>
        <translation>4 Confirmed fraud</translation>
    </message>
    <message>
        <source>Record confirmed fraud (4)</source>
        <translation>Record confirmed fraud (4)</translation>
    </message>
    <message>
        <source>Out&amp;liers</source>
        <translation>Out&amp;liers</translation>
    </message>
    <message>
        <source>&amp;Analyse Period</source>
        <translation>&amp;Analyse Period</translation>
    </message>
    <message>
        <source>Rank the agents of the filter&apos;s period and team against their peers</source>
        <translation>Rank the agents of the filter&apos;s period and team against their peers</translation>
    </message>
    <message>
        <source>Ranked agents</source>
        <translation>Ranked agents</translation>
    </message>
    <message>
        <source>Why the agent stands out</source>
        <translation>Why the agent stands out</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>&amp;Charts</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>T&amp;riage</source>
        <translation>T&amp;riage</translation>
    </message>
    <message>
        <source>Export &amp;PDF Report…</source>
        <translation>Export &amp;PDF Report…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Unreviewed Queue</source>
        <translation>&amp;Unreviewed Queue</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation>C&amp;lear Filters</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Next Override</source>
        <translation>&amp;Next Override</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>&amp;Previous Override</source>
        <translation>&amp;Previous Override</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>&amp;1 Justified</source>
        <translation>&amp;1 Justified</translation>
    </message>
    <message>
        <source>&amp;2 Coaching Needed</source>
        <translation>&amp;2 Coaching Needed</translation>
    </message>
    <message>
        <source>&amp;3 Suspected Collusion</source>
        <translation>&amp;3 Suspected Collusion</translation>
    </message>
    <message>
        <source>&amp;4 Confirmed Fraud</source>
        <translation>&amp;4 Confirmed Fraud</translation>
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
        <translation>Open conversations</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Top reasons</source>
        <translation>Top reasons</translation>
    </message>
    <message>
        <source>New strong cue</source>
        <translation>New strong cue</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signals</translation>
    </message>
    <message>
        <source>Conversation details</source>
        <translation>Conversation details</translation>
    </message>
    <message>
        <source>&amp;Transcript</source>
        <translation>&amp;Transcript</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>&amp;Action</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Stay on &amp;top</source>
        <translation>Stay on &amp;top</translation>
    </message>
    <message>
        <source>&amp;Next chat</source>
        <translation>&amp;Next chat</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>&amp;Previous chat</source>
        <translation>&amp;Previous chat</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <source>Go to &amp;signals</source>
        <translation>Go to &amp;signals</translation>
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
        <translation>Trainee name</translation>
    </message>
    <message>
        <source>Name of the trainee</source>
        <translation>Name of the trainee</translation>
    </message>
    <message>
        <source>&amp;Cohort:</source>
        <translation>&amp;Cohort:</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Optional, e.g. 2026-11 new hires</source>
        <translation>Optional, e.g. 2026-11 new hires</translation>
    </message>
    <message>
        <source>&amp;Scenarios (select one or more; they run in the order listed):</source>
        <translation>&amp;Scenarios (select one or more; they run in the order listed):</translation>
    </message>
    <message>
        <source>Scenario library</source>
        <translation>Scenario library</translation>
    </message>
    <message>
        <source>&amp;Assist: show the engine&apos;s live cue highlights and risk, as on shift</source>
        <translation>&amp;Assist: show the engine&apos;s live cue highlights and risk, as on shift</translation>
    </message>
    <message>
        <source>Assist</source>
        <translation>Assist</translation>
    </message>
    <message>
        <source>Off: the trainee finds the cues by their own eye, which is what the score then measures.</source>
        <translation>Off: the trainee finds the cues by their own eye, which is what the score then measures.</translation>
    </message>
    <message>
        <source>Session status</source>
        <translation>Session status</translation>
    </message>
    <message>
        <source>Training r&amp;esults…</source>
        <translation>Training r&amp;esults…</translation>
    </message>
    <message>
        <source>Show the training results</source>
        <translation>Show the training results</translation>
    </message>
    <message>
        <source>Compare trainees: scores with and without the assist, progress over time, CSV export</source>
        <translation>Compare trainees: scores with and without the assist, progress over time, CSV export</translation>
    </message>
    <message>
        <source>S&amp;tart training</source>
        <translation>S&amp;tart training</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Start training</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>The customer is typing…</source>
        <translation>The customer is typing…</translation>
    </message>
    <message>
        <source>Customer typing</source>
        <translation>Customer typing</translation>
    </message>
    <message>
        <source>Repl&amp;y:</source>
        <translation>Repl&amp;y:</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>Your reply</translation>
    </message>
    <message>
        <source>Type your reply and press Enter</source>
        <translation>Type your reply and press Enter</translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation>Se&amp;nd</translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation>Send the reply</translation>
    </message>
    <message>
        <source>Flag a customer message</source>
        <translation>Flag a customer message</translation>
    </message>
    <message>
        <source>Customer &amp;messages:</source>
        <translation>Customer &amp;messages:</translation>
    </message>
    <message>
        <source>Customer messages</source>
        <translation>Customer messages</translation>
    </message>
    <message>
        <source>C&amp;ue:</source>
        <translation>C&amp;ue:</translation>
    </message>
    <message>
        <source>Cue to flag</source>
        <translation>Cue to flag</translation>
    </message>
    <message>
        <source>&amp;Flag</source>
        <translation>&amp;Flag</translation>
    </message>
    <message>
        <source>Flag the selected message with the cue</source>
        <translation>Flag the selected message with the cue</translation>
    </message>
    <message>
        <source>Last flag</source>
        <translation>Last flag</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Trainee actions</source>
        <translation>Trainee actions</translation>
    </message>
    <message>
        <source>&amp;Verified identity</source>
        <translation>&amp;Verified identity</translation>
    </message>
    <message>
        <source>Verified identity</source>
        <translation>Verified identity</translation>
    </message>
    <message>
        <source>&amp;Refused</source>
        <translation>&amp;Refused</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>&amp;Offered refund</source>
        <translation>&amp;Offered refund</translation>
    </message>
    <message>
        <source>Offered refund</source>
        <translation>Offered refund</translation>
    </message>
    <message>
        <source>Check an action, override, report fraud</source>
        <translation>Check an action, override, report fraud</translation>
    </message>
    <message>
        <source>Policy check</source>
        <translation>Policy check</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>Debrief</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Actions against policy</source>
        <translation>Actions against policy</translation>
    </message>
    <message>
        <source>Result storage</source>
        <translation>Result storage</translation>
    </message>
    <message>
        <source>Transcript with your &amp;flags:</source>
        <translation>Transcript with your &amp;flags:</translation>
    </message>
    <message>
        <source>Transcript with flags, misses and false flags</source>
        <translation>Transcript with flags, misses and false flags</translation>
    </message>
    <message>
        <source>&amp;Next scenario</source>
        <translation>&amp;Next scenario</translation>
    </message>
    <message>
        <source>Next scenario</source>
        <translation>Next scenario</translation>
    </message>
    <message>
        <source>F&amp;inish</source>
        <translation>F&amp;inish</translation>
    </message>
    <message>
        <source>Finish the session</source>
        <translation>Finish the session</translation>
    </message>
    <message>
        <source>&amp;Back to the setup</source>
        <translation>&amp;Back to the setup</translation>
    </message>
    <message>
        <source>Back to the setup</source>
        <translation>Back to the setup</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Refund Guard cannot start</source>
        <translation>Refund Guard cannot start</translation>
    </message>
    <message>
        <source>The agent sidebar: live cues, case context, action checks and audited overrides.</source>
        <translation>The agent sidebar: live cues, case context, action checks and audited overrides.</translation>
    </message>
    <message>
        <source>cannot create a temporary folder for the demo: %1</source>
        <translation>cannot create a temporary folder for the demo: %1</translation>
    </message>
    <message>
        <source>there is no audit log at %1 (settings key %2)</source>
        <translation>there is no audit log at %1 (settings key %2)</translation>
    </message>
    <message>
        <source>%1 (demo: generated records)</source>
        <translation>%1 (demo: generated records)</translation>
    </message>
    <message>
        <source>%1 (demo: results are removed at exit)</source>
        <translation>%1 (demo: results are removed at exit)</translation>
    </message>
    <message>
        <source>Demo trainee</source>
        <translation>Demo trainee</translation>
    </message>
    <message>
        <source>there is no scenario &quot;%1&quot; in the library</source>
        <translation>there is no scenario &quot;%1&quot; in the library</translation>
    </message>
    <message>
        <source>cannot create the data folder %1</source>
        <translation>cannot create the data folder %1</translation>
    </message>
    <message>
        <source>Bridge on 127.0.0.1:%1</source>
        <translation>Bridge on 127.0.0.1:%1</translation>
    </message>
    <message>
        <source>Bridge off: %1</source>
        <translation>Bridge off: %1</translation>
    </message>
    <message>
        <source>AUDIT LOG UNAVAILABLE — overrides cannot be recorded</source>
        <translation>AUDIT LOG UNAVAILABLE — overrides cannot be recorded</translation>
    </message>
    <message>
        <source>Chatwoot %1</source>
        <translation>Chatwoot %1</translation>
    </message>
    <message>
        <source>Demo finished.</source>
        <translation>Demo finished.</translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation>&amp;Demo</translation>
    </message>
    <message>
        <source>Speed ×%1</source>
        <translation>Speed ×%1</translation>
    </message>
    <message>
        <source>Demo ×%1</source>
        <translation>Demo ×%1</translation>
    </message>
    <message>
        <source>Pack of %1</source>
        <translation>Pack of %1</translation>
    </message>
    <message>
        <source>OLD PACK of %1</source>
        <translation>OLD PACK of %1</translation>
    </message>
    <message>
        <source>BUILT-IN PACK</source>
        <translation>BUILT-IN PACK</translation>
    </message>
</context>
<context>
    <name>rg::review::OverrideModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
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
        <translation>Case</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Policies</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
</context>
<context>
    <name>rg::ui::ActionPanel</name>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Replacement</translation>
    </message>
    <message>
        <source>Concession (goodwill credit)</source>
        <translation>Concession (goodwill credit)</translation>
    </message>
    <message>
        <source>Account change</source>
        <translation>Account change</translation>
    </message>
    <message>
        <source>Original payment method</source>
        <translation>Original payment method</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Store credit</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Gift card</translation>
    </message>
    <message>
        <source>Another person&apos;s account</source>
        <translation>Another person&apos;s account</translation>
    </message>
    <message>
        <source>Cryptocurrency</source>
        <translation>Cryptocurrency</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Did not arrive</source>
        <translation>Did not arrive</translation>
    </message>
    <message>
        <source>Empty box</source>
        <translation>Empty box</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Wrong item</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Email address</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Order number</translation>
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
        <translation>No specific order</translation>
    </message>
    <message>
        <source>%1 (not in this case)</source>
        <translation>%1 (not in this case)</translation>
    </message>
    <message>
        <source>The action could not be checked: %1</source>
        <translation>The action could not be checked: %1</translation>
    </message>
    <message>
        <source>the conversation was closed</source>
        <translation>the conversation was closed</translation>
    </message>
    <message>
        <source>Override noted for your debrief (practice: nothing is written to the audit log). You may go ahead.</source>
        <translation>Override noted for your debrief (practice: nothing is written to the audit log). You may go ahead.</translation>
    </message>
    <message>
        <source>Override recorded in the audit log (record %1). You may go ahead.</source>
        <translation>Override recorded in the audit log (record %1). You may go ahead.</translation>
    </message>
    <message>
        <source>Report suspected fraud</source>
        <translation>Report suspected fraud</translation>
    </message>
    <message>
        <source>What makes you suspect fraud? A short &amp;note for the fraud team:</source>
        <translation>What makes you suspect fraud? A short &amp;note for the fraud team:</translation>
    </message>
    <message>
        <source>Note prompt</source>
        <translation>Note prompt</translation>
    </message>
    <message>
        <source>Note for the fraud team</source>
        <translation>Note for the fraud team</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialog buttons</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <source>Send the report</source>
        <translation>Send the report</translation>
    </message>
    <message>
        <source>Cancel the report</source>
        <translation>Cancel the report</translation>
    </message>
    <message>
        <source>The report was NOT recorded: the conversation was closed.</source>
        <translation>The report was NOT recorded: the conversation was closed.</translation>
    </message>
    <message>
        <source>The report was NOT recorded: %1. Nothing was saved; try again.</source>
        <translation>The report was NOT recorded: %1. Nothing was saved; try again.</translation>
    </message>
    <message>
        <source>Suspected fraud reported (practice: noted for your debrief, not sent).</source>
        <translation>Suspected fraud reported (practice: noted for your debrief, not sent).</translation>
    </message>
    <message>
        <source>Suspected fraud reported (audit record %1).</source>
        <translation>Suspected fraud reported (audit record %1).</translation>
    </message>
</context>
<context>
    <name>rg::ui::CasePanel</name>
    <message>
        <source>unknown time</source>
        <translation>unknown time</translation>
    </message>
    <message>
        <source>No conversation selected.</source>
        <translation>No conversation selected.</translation>
    </message>
    <message>
        <source>No case is linked to this chat yet.</source>
        <translation>No case is linked to this chat yet.</translation>
    </message>
    <message>
        <source>Loading case %1…</source>
        <translation>Loading case %1…</translation>
    </message>
    <message>
        <source>Case %1 from %2, fetched %3.</source>
        <translation>Case %1 from %2, fetched %3.</translation>
    </message>
    <message>
        <source>Out of date: showing case %1 as of %2. Refreshing failed: %3</source>
        <translation>Out of date: showing case %1 as of %2. Refreshing failed: %3</translation>
    </message>
    <message>
        <source>Case %1 could not be loaded: %2</source>
        <translation>Case %1 could not be loaded: %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Account age</source>
        <translation>Account age</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>New device</source>
        <translation>New device</translation>
    </message>
    <message>
        <source>Orders (%1)</source>
        <translation>Orders (%1)</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>photo %1 · GPS %2 · signature %3</source>
        <translation>photo %1 · GPS %2 · signature %3</translation>
    </message>
    <message>
        <source>Carrier investigation</source>
        <translation>Carrier investigation</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Claim history (%1 in %2 days)</source>
        <translation>Claim history (%1 in %2 days)</translation>
    </message>
    <message>
        <source>Account changes (%1)</source>
        <translation>Account changes (%1)</translation>
    </message>
    <message>
        <source>%1 via %2: %3 → %4</source>
        <translation>%1 via %2: %3 → %4</translation>
    </message>
    <message>
        <source>Linked accounts (%1)</source>
        <translation>Linked accounts (%1)</translation>
    </message>
    <message>
        <source>shares %1</source>
        <translation>shares %1</translation>
    </message>
    <message>
        <source> · FLAGGED for fraud</source>
        <translation> · FLAGGED for fraud</translation>
    </message>
</context>
<context>
    <name>rg::ui::OverrideDialog</name>
    <message>
        <source>Record &amp;override</source>
        <translation>Record &amp;override</translation>
    </message>
    <message>
        <source>Record override</source>
        <translation>Record override</translation>
    </message>
    <message>
        <source>Cancel the override</source>
        <translation>Cancel the override</translation>
    </message>
    <message>
        <source>Supervisor approved</source>
        <translation>Supervisor approved</translation>
    </message>
    <message>
        <source>Customer verified by other means</source>
        <translation>Customer verified by other means</translation>
    </message>
    <message>
        <source>Policy exception documented</source>
        <translation>Policy exception documented</translation>
    </message>
    <message>
        <source>Goodwill within discretion</source>
        <translation>Goodwill within discretion</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Allow: no policy stops this action.</source>
        <translation>Allow: no policy stops this action.</translation>
    </message>
    <message>
        <source>Warn: read the policies below before you go ahead.</source>
        <translation>Warn: read the policies below before you go ahead.</translation>
    </message>
    <message>
        <source>Block: policy does not allow this action.</source>
        <translation>Block: policy does not allow this action.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>Warn</translation>
    </message>
    <message>
        <source>%1 (%2), %3
%4</source>
        <translation>%1 (%2), %3
%4</translation>
    </message>
    <message>
        <source>%1 could not be evaluated: %2</source>
        <translation>%1 could not be evaluated: %2</translation>
    </message>
    <message>
        <source>No policy applies to this action.</source>
        <translation>No policy applies to this action.</translation>
    </message>
    <message numerus="yes">
        <source>%n more character(s) needed</source>
        <translation>
            <numerusform>%n more character needed</numerusform>
            <numerusform>%n more characters needed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enough detail (%n character(s))</source>
        <translation>
            <numerusform>Enough detail (%n character)</numerusform>
            <numerusform>Enough detail (%n characters)</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing is set up to record overrides</source>
        <translation>nothing is set up to record overrides</translation>
    </message>
    <message>
        <source>The override was NOT recorded: %1. Nothing was saved; try again or escalate.</source>
        <translation>The override was NOT recorded: %1. Nothing was saved; try again or escalate.</translation>
    </message>
</context>
<context>
    <name>rg::ui::PassphraseDialog</name>
    <message>
        <source>Supervisor Passphrase</source>
        <translation>Supervisor Passphrase</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Supervisor passphrase</source>
        <translation>Supervisor passphrase</translation>
    </message>
    <message>
        <source>Con&amp;firm:</source>
        <translation>Con&amp;firm:</translation>
    </message>
    <message>
        <source>Confirm the supervisor passphrase</source>
        <translation>Confirm the supervisor passphrase</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialog buttons</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Set the Supervisor Passphrase</source>
        <translation>Set the Supervisor Passphrase</translation>
    </message>
    <message>
        <source>No supervisor passphrase is set yet. Choose one now: it opens the review of every agent&apos;s overrides. It cannot be recovered, so keep it somewhere safe.</source>
        <translation>No supervisor passphrase is set yet. Choose one now: it opens the review of every agent&apos;s overrides. It cannot be recovered, so keep it somewhere safe.</translation>
    </message>
    <message>
        <source>&amp;Set Passphrase</source>
        <translation>&amp;Set Passphrase</translation>
    </message>
    <message>
        <source>Set the supervisor passphrase</source>
        <translation>Set the supervisor passphrase</translation>
    </message>
    <message>
        <source>Enter the supervisor passphrase to open the review.</source>
        <translation>Enter the supervisor passphrase to open the review.</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>Unlock the review</source>
        <translation>Unlock the review</translation>
    </message>
    <message>
        <source>The passphrase was not set: %1.</source>
        <translation>The passphrase was not set: %1.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <source>The passphrase was not checked: %1.</source>
        <translation>The passphrase was not checked: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n more character(s) needed. Several unrelated words make a strong passphrase that is easy to remember.</source>
        <translation>
            <numerusform>%n more character needed. Several unrelated words make a strong passphrase that is easy to remember.</numerusform>
            <numerusform>%n more characters needed. Several unrelated words make a strong passphrase that is easy to remember.</numerusform>
        </translation>
    </message>
    <message>
        <source>Long enough. Type it again to confirm it.</source>
        <translation>Long enough. Type it again to confirm it.</translation>
    </message>
    <message>
        <source>Long enough. The confirmation does not match yet.</source>
        <translation>Long enough. The confirmation does not match yet.</translation>
    </message>
    <message>
        <source>Long enough, and the confirmation matches.</source>
        <translation>Long enough, and the confirmation matches.</translation>
    </message>
    <message>
        <source>The passphrase cannot be checked: %1.</source>
        <translation>The passphrase cannot be checked: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed attempts. Try again in %n second.</numerusform>
            <numerusform>Too many failed attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rg::ui::ReviewCharts</name>
    <message>
        <source>Overrides per day by policy</source>
        <translation>Overrides per day by policy</translation>
    </message>
    <message>
        <source>Most overridden policies</source>
        <translation>Most overridden policies</translation>
    </message>
    <message>
        <source>High-risk share of each agent&apos;s overrides, against the team band</source>
        <translation>High-risk share of each agent&apos;s overrides, against the team band</translation>
    </message>
    <message>
        <source>T&amp;eam shown:</source>
        <translation>T&amp;eam shown:</translation>
    </message>
    <message>
        <source>Team shown in the high-risk share chart</source>
        <translation>Team shown in the high-risk share chart</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(no team)</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <source>overrides</source>
        <translation>overrides</translation>
    </message>
    <message>
        <source>high-risk share (%)</source>
        <translation>high-risk share (%)</translation>
    </message>
    <message>
        <source>team band, 10th percentile</source>
        <translation>team band, 10th percentile</translation>
    </message>
    <message>
        <source>team band, 90th percentile</source>
        <translation>team band, 90th percentile</translation>
    </message>
</context>
<context>
    <name>rg::ui::ReviewWindow</name>
    <message>
        <source>Justified</source>
        <translation>Justified</translation>
    </message>
    <message>
        <source>Coaching needed</source>
        <translation>Coaching needed</translation>
    </message>
    <message>
        <source>Suspected collusion</source>
        <translation>Suspected collusion</translation>
    </message>
    <message>
        <source>Confirmed fraud</source>
        <translation>Confirmed fraud</translation>
    </message>
    <message>
        <source>Press Analyse Period on the Outliers tab (or here: Ctrl+R) to draw the charts.</source>
        <translation>Press Analyse Period on the Outliers tab (or here: Ctrl+R) to draw the charts.</translation>
    </message>
    <message>
        <source>Dispositions cannot be recorded: %1</source>
        <translation>Dispositions cannot be recorded: %1</translation>
    </message>
    <message>
        <source>no audit log to append to</source>
        <translation>no audit log to append to</translation>
    </message>
    <message>
        <source>Any cue</source>
        <translation>Any cue</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>Any risk</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Unreviewed</source>
        <translation>Unreviewed</translation>
    </message>
    <message>
        <source>&amp;Analyse Period</source>
        <translation>&amp;Analyse Period</translation>
    </message>
    <message>
        <source>the review is already open</source>
        <translation>the review is already open</translation>
    </message>
    <message>
        <source>Preparing the review of %1…</source>
        <translation>Preparing the review of %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cannot prepare the review index: %1</source>
        <translation>Cannot prepare the review index: %1</translation>
    </message>
    <message>
        <source>Preparing the review was cancelled.</source>
        <translation>Preparing the review was cancelled.</translation>
    </message>
    <message>
        <source> (more as you scroll)</source>
        <translation> (more as you scroll)</translation>
    </message>
    <message numerus="yes">
        <source>%n override(s) shown%1 · %2 ms</source>
        <translation>
            <numerusform>%n override shown%1 · %2 ms</numerusform>
            <numerusform>%n overrides shown%1 · %2 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read record %1 of chain %2: %3</source>
        <translation>Cannot read record %1 of chain %2: %3</translation>
    </message>
    <message>
        <source>not in the log</source>
        <translation>not in the log</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>%1 (team %2)</source>
        <translation>%1 (team %2)</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Policies</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Risk reasons</source>
        <translation>Risk reasons</translation>
    </message>
    <message>
        <source>Reason category</source>
        <translation>Reason category</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>chain %1, seq %2</source>
        <translation>chain %1, seq %2</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Turn %1 · %2</source>
        <translation>Turn %1 · %2</translation>
    </message>
    <message>
        <source>cue</source>
        <translation>cue</translation>
    </message>
    <message>
        <source>Case as the agent saw it</source>
        <translation>Case as the agent saw it</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Account created</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>new to this account</source>
        <translation>new to this account</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Order %1</translation>
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
        <translation>Earlier claims</translation>
    </message>
    <message>
        <source>Account changes</source>
        <translation>Account changes</translation>
    </message>
    <message>
        <source>%1 (fraud flag)</source>
        <translation>%1 (fraud flag)</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>Linked accounts</translation>
    </message>
    <message>
        <source>Agent&apos;s limit</source>
        <translation>Agent&apos;s limit</translation>
    </message>
    <message>
        <source>Case fetched</source>
        <translation>Case fetched</translation>
    </message>
    <message>
        <source>%1 (an out-of-date copy)</source>
        <translation>%1 (an out-of-date copy)</translation>
    </message>
    <message>
        <source>Chain: verifying… %1%</source>
        <translation>Chain: verifying… %1%</translation>
    </message>
    <message>
        <source>Chain: verifying…</source>
        <translation>Chain: verifying…</translation>
    </message>
    <message>
        <source>Chain: not verified: %1</source>
        <translation>Chain: not verified: %1</translation>
    </message>
    <message>
        <source>Chain: verified — this record and every one before it in chain %1 are intact</source>
        <translation>Chain: verified — this record and every one before it in chain %1 are intact</translation>
    </message>
    <message>
        <source>Chain: this record was written after the last check; press F5 to check again</source>
        <translation>Chain: this record was written after the last check; press F5 to check again</translation>
    </message>
    <message>
        <source>Chain: BROKEN at seq %1 (%2): this record cannot be trusted</source>
        <translation>Chain: BROKEN at seq %1 (%2): this record cannot be trusted</translation>
    </message>
    <message>
        <source>Chain: verified up to this record; broken later, at seq %1 (%2)</source>
        <translation>Chain: verified up to this record; broken later, at seq %1 (%2)</translation>
    </message>
    <message>
        <source>Select an override first.</source>
        <translation>Select an override first.</translation>
    </message>
    <message>
        <source>Show the override on the Overrides tab first: only the override whose record is on screen can be judged.</source>
        <translation>Show the override on the Overrides tab first: only the override whose record is on screen can be judged.</translation>
    </message>
    <message>
        <source>Write a note saying why it is &quot;%1&quot;, then press Ctrl+%2.</source>
        <translation>Write a note saying why it is &quot;%1&quot;, then press Ctrl+%2.</translation>
    </message>
    <message>
        <source>The disposition is recorded but not yet signed: %1</source>
        <translation>The disposition is recorded but not yet signed: %1</translation>
    </message>
    <message>
        <source>Recorded &quot;%1&quot; for case %2 (record %3).</source>
        <translation>Recorded &quot;%1&quot; for case %2 (record %3).</translation>
    </message>
    <message>
        <source>Reading %1 to %2…</source>
        <translation>Reading %1 to %2…</translation>
    </message>
    <message>
        <source>Still reading the period for the previous request; try again when it is done.</source>
        <translation>Still reading the period for the previous request; try again when it is done.</translation>
    </message>
    <message>
        <source>Cannot analyse: %1</source>
        <translation>Cannot analyse: %1</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Overrides</translation>
    </message>
    <message>
        <source>Rate (95%)</source>
        <translation>Rate (95%)</translation>
    </message>
    <message>
        <source>Team band</source>
        <translation>Team band</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>High risk</translation>
    </message>
    <message>
        <source>Fraud share</source>
        <translation>Fraud share</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>/contact</source>
        <translation>/contact</translation>
    </message>
    <message>
        <source>/day</source>
        <translation>/day</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 agent(s), %2 flagged, %3 override(s). Enter on an agent shows their overrides.</source>
        <translation>%1 agent(s), %2 flagged, %3 override(s). Enter on an agent shows their overrides.</translation>
    </message>
    <message>
        <source>%1 to %2: %3 override(s), %4 high risk.</source>
        <translation>%1 to %2: %3 override(s), %4 high risk.</translation>
    </message>
    <message>
        <source>%1 does not stand out from their team in this period.</source>
        <translation>%1 does not stand out from their team in this period.</translation>
    </message>
    <message>
        <source>Export PDF Report</source>
        <translation>Export PDF Report</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>%1: the file name must end in .pdf or .csv</source>
        <translation>%1: the file name must end in .pdf or .csv</translation>
    </message>
    <message>
        <source>The chains could not be checked: %1</source>
        <translation>The chains could not be checked: %1</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exported %1</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exporting %1…</translation>
    </message>
    <message>
        <source>%1 in %2 is not a JSON object (%3); saved filters are left as they are</source>
        <translation>%1 in %2 is not a JSON object (%3); saved filters are left as they are</translation>
    </message>
    <message>
        <source>(choose a saved filter)</source>
        <translation>(choose a saved filter)</translation>
    </message>
    <message>
        <source>Saved filters not stored: %1</source>
        <translation>Saved filters not stored: %1</translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>Save Filter</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>A filter named &quot;%1&quot; exists. Replace it?</source>
        <translation>A filter named &quot;%1&quot; exists. Replace it?</translation>
    </message>
    <message>
        <source>Delete Filter</source>
        <translation>Delete Filter</translation>
    </message>
    <message>
        <source>Forget the filter &quot;%1&quot;?</source>
        <translation>Forget the filter &quot;%1&quot;?</translation>
    </message>
</context>
<context>
    <name>rg::ui::RiskBadge</name>
    <message>
        <source>Low risk</source>
        <translation>Low risk</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>Medium risk</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>High risk</translation>
    </message>
    <message>
        <source>Not judged yet</source>
        <translation>Not judged yet</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>Risk: %1</translation>
    </message>
</context>
<context>
    <name>rg::ui::SettingsDialog</name>
    <message>
        <source>Refund Guard Settings</source>
        <translation>Refund Guard Settings</translation>
    </message>
    <message>
        <source>Case service</source>
        <translation>Case service</translation>
    </message>
    <message>
        <source>Case service &amp;URL:</source>
        <translation>Case service &amp;URL:</translation>
    </message>
    <message>
        <source>Case service URL</source>
        <translation>Case service URL</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Case service token</source>
        <translation>Case service token</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>S&amp;how</translation>
    </message>
    <message>
        <source>Show the case service token</source>
        <translation>Show the case service token</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Audit &amp;database URL:</source>
        <translation>Audit &amp;database URL:</translation>
    </message>
    <message>
        <source>Audit database URL</source>
        <translation>Audit database URL</translation>
    </message>
    <message>
        <source>A postgresql:// URL is shown without its password, which has a field of its own.</source>
        <translation>A postgresql:// URL is shown without its password, which has a field of its own.</translation>
    </message>
    <message>
        <source>Pa&amp;ssword:</source>
        <translation>Pa&amp;ssword:</translation>
    </message>
    <message>
        <source>Audit database password</source>
        <translation>Audit database password</translation>
    </message>
    <message>
        <source>Only for a postgresql:// URL</source>
        <translation>Only for a postgresql:// URL</translation>
    </message>
    <message>
        <source>Browser bridge</source>
        <translation>Browser bridge</translation>
    </message>
    <message>
        <source>Bridge &amp;port:</source>
        <translation>Bridge &amp;port:</translation>
    </message>
    <message>
        <source>Bridge port</source>
        <translation>Bridge port</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Any free port</translation>
    </message>
    <message>
        <source>Allowed &amp;origins:</source>
        <translation>Allowed &amp;origins:</translation>
    </message>
    <message>
        <source>Bridge allowed origins</source>
        <translation>Bridge allowed origins</translation>
    </message>
    <message>
        <source>Bridge to&amp;ken:</source>
        <translation>Bridge to&amp;ken:</translation>
    </message>
    <message>
        <source>Bridge token</source>
        <translation>Bridge token</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Copy the bridge token</source>
        <translation>Copy the bridge token</translation>
    </message>
    <message>
        <source>Rules and policies</source>
        <translation>Rules and policies</translation>
    </message>
    <message>
        <source>&amp;Rule pack:</source>
        <translation>&amp;Rule pack:</translation>
    </message>
    <message>
        <source>Rule pack path</source>
        <translation>Rule pack path</translation>
    </message>
    <message>
        <source>Built-in rule pack</source>
        <translation>Built-in rule pack</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Browse for a rule pack</source>
        <translation>Browse for a rule pack</translation>
    </message>
    <message>
        <source>Po&amp;licies folder:</source>
        <translation>Po&amp;licies folder:</translation>
    </message>
    <message>
        <source>Policies folder path</source>
        <translation>Policies folder path</translation>
    </message>
    <message>
        <source>Built-in policies</source>
        <translation>Built-in policies</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
    <message>
        <source>Browse for a policies folder</source>
        <translation>Browse for a policies folder</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Keep the sidebar &amp;above other windows</source>
        <translation>Keep the sidebar &amp;above other windows</translation>
    </message>
    <message>
        <source>Stay on top</source>
        <translation>Stay on top</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>La&amp;nguage:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The language of Refund Guard&apos;s windows; takes effect the next time it starts.</source>
        <translation>The language of Refund Guard&apos;s windows; takes effect the next time it starts.</translation>
    </message>
    <message>
        <source>Reset every setting you can change to its default? Your case service token is kept, and nothing is saved until you click Save.</source>
        <translation>Reset every setting you can change to its default? Your case service token is kept, and nothing is saved until you click Save.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Confirm reset to defaults</source>
        <translation>Confirm reset to defaults</translation>
    </message>
    <message>
        <source>Keep My Values</source>
        <translation>Keep My Values</translation>
    </message>
    <message>
        <source>Cancel reset to defaults</source>
        <translation>Cancel reset to defaults</translation>
    </message>
    <message>
        <source>R&amp;eset to Defaults…</source>
        <translation>R&amp;eset to Defaults…</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>Reset to defaults</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialog buttons</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Not available</translation>
    </message>
    <message>
        <source>Allowed origins</source>
        <translation>Allowed origins</translation>
    </message>
    <message>
        <source>Rule pack</source>
        <translation>Rule pack</translation>
    </message>
    <message>
        <source>Policies folder</source>
        <translation>Policies folder</translation>
    </message>
    <message>
        <source>Set by your administrator in %1; it cannot be changed here.</source>
        <translation>Set by your administrator in %1; it cannot be changed here.</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Set by your administrator</translation>
    </message>
    <message>
        <source>These stored settings could not be used:</source>
        <translation>These stored settings could not be used:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>The settings could not be saved: %1</translation>
    </message>
    <message>
        <source>Saved. Restart Refund Guard to apply: %1.</source>
        <translation>Saved. Restart Refund Guard to apply: %1.</translation>
    </message>
    <message>
        <source>Choose the Policies Folder</source>
        <translation>Choose the Policies Folder</translation>
    </message>
    <message>
        <source>Choose a Rule Pack</source>
        <translation>Choose a Rule Pack</translation>
    </message>
    <message>
        <source>Rule packs (*.json)</source>
        <translation>Rule packs (*.json)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Defaults filled in. Click Save to keep them.</source>
        <translation>Defaults filled in. Click Save to keep them.</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Hide</translation>
    </message>
    <message>
        <source>Hide the case service token</source>
        <translation>Hide the case service token</translation>
    </message>
</context>
<context>
    <name>rg::ui::SidebarWindow</name>
    <message>
        <source>Feed event refused: %1</source>
        <translation>Feed event refused: %1</translation>
    </message>
    <message>
        <source>Stay on top not saved: %1</source>
        <translation>Stay on top not saved: %1</translation>
    </message>
    <message>
        <source>Override recorded in the audit log (seq %1).</source>
        <translation>Override recorded in the audit log (seq %1).</translation>
    </message>
    <message>
        <source>Suspected fraud reported (audit seq %1).</source>
        <translation>Suspected fraud reported (audit seq %1).</translation>
    </message>
    <message>
        <source>High-risk contact</source>
        <translation>High-risk contact</translation>
    </message>
    <message>
        <source>%1 could not be judged, what is shown is older: %2</source>
        <translation>%1 could not be judged, what is shown is older: %2</translation>
    </message>
    <message>
        <source>[new cues] %1</source>
        <translation>[new cues] %1</translation>
    </message>
    <message>
        <source>No open chat</source>
        <translation>No open chat</translation>
    </message>
    <message>
        <source>Waiting for the console to send a conversation.</source>
        <translation>Waiting for the console to send a conversation.</translation>
    </message>
    <message>
        <source>Refund Guard</source>
        <translation>Refund Guard</translation>
    </message>
    <message>
        <source>Chat %1 (no case yet)</source>
        <translation>Chat %1 (no case yet)</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Case %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · account %n day(s) old</source>
        <translation>
            <numerusform>%1 · account %n day old</numerusform>
            <numerusform>%1 · account %n days old</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Customer: %1</translation>
    </message>
    <message>
        <source>No cues so far.</source>
        <translation>No cues so far.</translation>
    </message>
    <message>
        <source>%1 — Refund Guard</source>
        <translation>%1 — Refund Guard</translation>
    </message>
    <message>
        <source>New strong cue: %1 — “%2” (turn %3)</source>
        <translation>New strong cue: %1 — “%2” (turn %3)</translation>
    </message>
    <message numerus="yes">
        <source>%1, and %n more</source>
        <translation>
            <numerusform>%1, and %n more</numerusform>
            <numerusform>%1, and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rg::ui::SignalsModel</name>
    <message>
        <source>%1 (%2), turn %3: “%4”</source>
        <translation>%1 (%2), turn %3: “%4”</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>strong</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>weak</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>Cue</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>Turn</translation>
    </message>
</context>
<context>
    <name>rg::ui::TrainerWindow</name>
    <message>
        <source>Verified identity</source>
        <translation>Verified identity</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Offered refund</source>
        <translation>Offered refund</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Overrode</source>
        <translation>Overrode</translation>
    </message>
    <message>
        <source>Fraud stopped</source>
        <translation>Fraud stopped</translation>
    </message>
    <message>
        <source>Fraud succeeded</source>
        <translation>Fraud succeeded</translation>
    </message>
    <message>
        <source>Genuine customer served</source>
        <translation>Genuine customer served</translation>
    </message>
    <message>
        <source>Genuine customer wrongly refused</source>
        <translation>Genuine customer wrongly refused</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>allow</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>block</source>
        <translation>block</translation>
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
        <translation>Title</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>Difficulty</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Genuine</source>
        <translation>Genuine</translation>
    </message>
    <message>
        <source>Fraud attempt</source>
        <translation>Fraud attempt</translation>
    </message>
    <message numerus="yes">
        <source>%n scenario file(s) could not be loaded and are not offered:
</source>
        <translation>
            <numerusform>%n scenario file could not be loaded and is not offered:
</numerusform>
            <numerusform>%n scenario files could not be loaded and are not offered:
</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the customer message to flag first.</source>
        <translation>Select the customer message to flag first.</translation>
    </message>
    <message>
        <source>Flag with a cue</source>
        <translation>Flag with a cue</translation>
    </message>
    <message>
        <source>The detection engine is not available, so no scenario can run.</source>
        <translation>The detection engine is not available, so no scenario can run.</translation>
    </message>
    <message>
        <source>Enter the trainee&apos;s name first.</source>
        <translation>Enter the trainee&apos;s name first.</translation>
    </message>
    <message>
        <source>Select at least one scenario.</source>
        <translation>Select at least one scenario.</translation>
    </message>
    <message>
        <source>Fix the name first: %1.</source>
        <translation>Fix the name first: %1.</translation>
    </message>
    <message>
        <source>Scenario %1 of %2 · %3</source>
        <translation>Scenario %1 of %2 · %3</translation>
    </message>
    <message>
        <source>assist on</source>
        <translation>assist on</translation>
    </message>
    <message>
        <source>assist off</source>
        <translation>assist off</translation>
    </message>
    <message>
        <source>No scenario is running.</source>
        <translation>No scenario is running.</translation>
    </message>
    <message>
        <source>Type a reply first.</source>
        <translation>Type a reply first.</translation>
    </message>
    <message>
        <source>Give the reason for the override first.</source>
        <translation>Give the reason for the override first.</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>You: %1</translation>
    </message>
    <message>
        <source>You: %1 (reason: %2)</source>
        <translation>You: %1 (reason: %2)</translation>
    </message>
    <message>
        <source>Message %1 flagged: %2.</source>
        <translation>Message %1 flagged: %2.</translation>
    </message>
    <message>
        <source>%1. %2
Flagged: %3</source>
        <translation>%1. %2
Flagged: %3</translation>
    </message>
    <message>
        <source>The action could not be checked.</source>
        <translation>The action could not be checked.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>The assist could not judge the chat: %1</source>
        <translation>The assist could not judge the chat: %1</translation>
    </message>
    <message>
        <source>The customer is typing…</source>
        <translation>The customer is typing…</translation>
    </message>
    <message>
        <source>Kept for this session only: %1</source>
        <translation>Kept for this session only: %1</translation>
    </message>
    <message>
        <source>no training database</source>
        <translation>no training database</translation>
    </message>
    <message>
        <source>NOT saved: %1. The result is kept for this session only.</source>
        <translation>NOT saved: %1. The result is kept for this session only.</translation>
    </message>
    <message>
        <source>Saved to the training results (run %1).</source>
        <translation>Saved to the training results (run %1).</translation>
    </message>
    <message>
        <source>Debrief: %1</source>
        <translation>Debrief: %1</translation>
    </message>
    <message>
        <source>Outcome: %1 — the right outcome.</source>
        <translation>Outcome: %1 — the right outcome.</translation>
    </message>
    <message>
        <source>Outcome: %1 — this scenario called for: %2.</source>
        <translation>Outcome: %1 — this scenario called for: %2.</translation>
    </message>
    <message>
        <source>Score %1 of 100 · weighted %2 (difficulty %3)
Flags: %4 correct, %5 false, %6 missed (precision %7, recall %8)
Policy: %9 check(s), %10 warning(s) heeded, %11 breach(es), %12 override(s)</source>
        <translation>Score %1 of 100 · weighted %2 (difficulty %3)
Flags: %4 correct, %5 false, %6 missed (precision %7, recall %8)
Policy: %9 check(s), %10 warning(s) heeded, %11 breach(es), %12 override(s)</translation>
    </message>
    <message>
        <source>Actions against policy: none.</source>
        <translation>Actions against policy: none.</translation>
    </message>
    <message>
        <source>Actions against policy:</source>
        <translation>Actions against policy:</translation>
    </message>
    <message>
        <source>a breach: no reason given</source>
        <translation>a breach: no reason given</translation>
    </message>
    <message>
        <source>an override, reason: %1</source>
        <translation>an override, reason: %1</translation>
    </message>
    <message>
        <source>• %1 after a %2 on %3 — %4</source>
        <translation>• %1 after a %2 on %3 — %4</translation>
    </message>
    <message>
        <source>Customer · message %1</source>
        <translation>Customer · message %1</translation>
    </message>
    <message>
        <source>You replied</source>
        <translation>You replied</translation>
    </message>
    <message>
        <source>Your action</source>
        <translation>Your action</translation>
    </message>
    <message>
        <source>⚠ In your reply: %1 (“%2”)</source>
        <translation>⚠ In your reply: %1 (“%2”)</translation>
    </message>
    <message>
        <source>(The customer&apos;s last word after the run ended: not scored.)</source>
        <translation>(The customer&apos;s last word after the run ended: not scored.)</translation>
    </message>
    <message>
        <source>✓ Correct flag: %1</source>
        <translation>✓ Correct flag: %1</translation>
    </message>
    <message>
        <source>✗ False flag (already flagged here): %1</source>
        <translation>✗ False flag (already flagged here): %1</translation>
    </message>
    <message>
        <source>✗ False flag: %1</source>
        <translation>✗ False flag: %1</translation>
    </message>
    <message>
        <source>○ Missed cue: %1</source>
        <translation>○ Missed cue: %1</translation>
    </message>
    <message numerus="yes">
        <source>Session finished for %1: %n run(s), mean weighted score %2.</source>
        <translation>
            <numerusform>Session finished for %1: %n run, mean weighted score %2.</numerusform>
            <numerusform>Session finished for %1: %n runs, mean weighted score %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rg::ui::TrainingResultsView</name>
    <message>
        <source>A&amp;nonymise trainees</source>
        <translation>A&amp;nonymise trainees</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xport CSV…</translation>
    </message>
    <message>
        <source>Co&amp;hort:</source>
        <translation>Co&amp;hort:</translation>
    </message>
    <message>
        <source>Cohort shown</source>
        <translation>Cohort shown</translation>
    </message>
    <message>
        <source>Show trainees under pseudonyms</source>
        <translation>Show trainees under pseudonyms</translation>
    </message>
    <message>
        <source>Show and export each trainee as a stable pseudonym (trainee-…) instead of the name</source>
        <translation>Show and export each trainee as a stable pseudonym (trainee-…) instead of the name</translation>
    </message>
    <message>
        <source>Reload the training results</source>
        <translation>Reload the training results</translation>
    </message>
    <message>
        <source>Export the runs shown as CSV</source>
        <translation>Export the runs shown as CSV</translation>
    </message>
    <message>
        <source>Training results problem</source>
        <translation>Training results problem</translation>
    </message>
    <message>
        <source>Cohort comparison</source>
        <translation>Cohort comparison</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <source>Mean weighted</source>
        <translation>Mean weighted</translation>
    </message>
    <message>
        <source>Mean weighted score of all runs</source>
        <translation>Mean weighted score of all runs</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Cues flagged of the cues there were to flag, over all runs</source>
        <translation>Cues flagged of the cues there were to flag, over all runs</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>Flags that were right, over all runs</source>
        <translation>Flags that were right, over all runs</translation>
    </message>
    <message>
        <source>Fraud stopped</source>
        <translation>Fraud stopped</translation>
    </message>
    <message>
        <source>Share of the fraud scenarios that ended with the fraud stopped</source>
        <translation>Share of the fraud scenarios that ended with the fraud stopped</translation>
    </message>
    <message>
        <source>Wrong refusals</source>
        <translation>Wrong refusals</translation>
    </message>
    <message>
        <source>Share of the genuine scenarios that ended in a wrong refusal</source>
        <translation>Share of the genuine scenarios that ended in a wrong refusal</translation>
    </message>
    <message>
        <source>With assist (n)</source>
        <translation>With assist (n)</translation>
    </message>
    <message>
        <source>Mean weighted score with the assistant&apos;s cues (runs)</source>
        <translation>Mean weighted score with the assistant&apos;s cues (runs)</translation>
    </message>
    <message>
        <source>Without assist (n)</source>
        <translation>Without assist (n)</translation>
    </message>
    <message>
        <source>Mean weighted score without the assistant (runs)</source>
        <translation>Mean weighted score without the assistant (runs)</translation>
    </message>
    <message>
        <source>Assist gain</source>
        <translation>Assist gain</translation>
    </message>
    <message>
        <source>Mean weighted score with the assistant minus without it, when there were both</source>
        <translation>Mean weighted score with the assistant minus without it, when there were both</translation>
    </message>
    <message>
        <source>Weighted score over time</source>
        <translation>Weighted score over time</translation>
    </message>
    <message>
        <source>Cannot load the training results: no results store is open.</source>
        <translation>Cannot load the training results: no results store is open.</translation>
    </message>
    <message>
        <source>Cannot load the training results: %1</source>
        <translation>Cannot load the training results: %1</translation>
    </message>
    <message>
        <source>All cohorts</source>
        <translation>All cohorts</translation>
    </message>
    <message>
        <source>(no cohort)</source>
        <translation>(no cohort)</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trainee(s)</source>
        <translation>
            <numerusform>%n trainee</numerusform>
            <numerusform>%n trainees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fraud run(s)</source>
        <translation>
            <numerusform>%n fraud run</numerusform>
            <numerusform>%n fraud runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n genuine run(s)</source>
        <translation>
            <numerusform>%n genuine run</numerusform>
            <numerusform>%n genuine runs</numerusform>
        </translation>
    </message>
    <message>
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>score</source>
        <translation>score</translation>
    </message>
    <message>
        <source>no pseudonym salt file is set</source>
        <translation>no pseudonym salt file is set</translation>
    </message>
    <message>
        <source>Cannot anonymise the trainees: %1</source>
        <translation>Cannot anonymise the trainees: %1</translation>
    </message>
    <message>
        <source>Export Training Results</source>
        <translation>Export Training Results</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n run(s) to %1</source>
        <translation>
            <numerusform>Exported %n run to %1</numerusform>
            <numerusform>Exported %n runs to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rg::ui::TranscriptView</name>
    <message>
        <source>Chat transcript</source>
        <translation>Chat transcript</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
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
        <translation>Action</translation>
    </message>
    <message>
        <source>%1 · turn %2</source>
        <translation>%1 · turn %2</translation>
    </message>
</context>
</TS>
