// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// refundguard: the agent sidebar, with --review the supervisor's review window, or with --trainer
// the trainer's window of simulated scam chats. Wires the settings, the rules and policies, the
// case provider, the audit log, the session journal and the live feeds (local bridge, Chatwoot, or
// the scripted demo) to the window. Everything it wires lives in src/ and ui/.

#include "applogging.h"

#include "audit/auditlog.h"
#include "audit/databaseurl.h"
#include "audit/signingkey.h"
#include "batch/engine.h"
#include "batch/scanreport.h"
#include "context/embeddedcaseprovider.h"
#include "context/fieldmapping.h"
#include "context/httpcaseprovider.h"
#include "feed/bridge.h"
#include "feed/bridgetoken.h"
#include "feed/chatwootpoller.h"
#include "feed/demoscript.h"
#include "log/log.h"
#include "model/secretfile.h"
#include "packs/packcache.h"
#include "packs/packsignature.h"
#include "packs/packupdater.h"
#include "review/auditgenerator.h"
#include "review/passphrase.h"
#include "session/sessionmanager.h"
#include "settings/settings.h"
#include "training/answers.h"
#include "training/democohort.h"
#include "training/intents.h"
#include "training/resultstore.h"
#include "training/scenariolibrary.h"
#include "translations/uilanguage.h"
#include "ui/passphrasedialog.h"
#include "ui/reviewwindow.h"
#include "ui/sidebarwindow.h"
#include "ui/trainerwindow.h"

#include <QActionGroup>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

struct Options
{
    bool demo = false;
    bool review = false;
    bool trainer = false;
    double speed = 1.0;
    QString settingsPath;
    QString agentId;
    QString team;
    QString chatwootUrl;
    QString chatwootAccount;
    QString chatwootConversation;
    bool firstPaintExit = false;
    bool printJudgements = false; // --print-judgements: scan JSON of each live judgement on stdout
    QString playScenario; // --trainer: a scripted trainee plays this scenario to its debrief
    QString playAnswers;
    bool trainerResults = false; // --trainer --results: open on the results page
};

// Prints one line when the window has first been painted (and quits, when asked): the cold-start
// benchmark and the smoke test read it.
class FirstPaintReporter final : public QObject
{
public:
    FirstPaintReporter(bool quit, QObject *parent) : QObject(parent), m_quit(quit) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            std::printf("first-paint\n");
            std::fflush(stdout);
            if (m_quit)
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_quit;
    bool m_done = false;
};

// --print-judgements (hidden): every time a live session is judged, one line of `refundguard-cli
// scan` JSON (DESIGN.md) on standard output, flushed: the findings the sidebar shows, for the
// browser extension's end-to-end test (tests/e2e) and for diagnosis. The evidence quotes the
// customer's words, so it is off unless asked for.
void printJudgements(rg::session::SessionManager &manager)
{
    const auto watch = [](rg::session::AssistSession *session) {
        QObject::connect(session, &rg::session::AssistSession::judged, session,
                         [session](const rg::batch::Judgement &judgement) {
                             const QByteArray line
                                 = rg::batch::resultLine(session->conversation(), judgement);
                             std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
                             std::fflush(stdout);
                         });
    };
    for (rg::session::AssistSession *session : manager.sessions())
        watch(session);
    QObject::connect(&manager, &rg::session::SessionManager::sessionOpened, &manager, watch);
}

int fail(const QString &message)
{
    rg::log::get("app")->error("{}", message.toStdString());
    if (qobject_cast<QApplication *>(QCoreApplication::instance())
        && !QGuiApplication::platformName().startsWith(u"offscreen"_s)) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Refund Guard cannot start"),
                              message);
    }
    return kExitFailed;
}

std::optional<Options> parseOptions(QCommandLineParser &parser, const QApplication &app)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "The agent sidebar: live cues, case context, action checks and audited overrides."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(u"demo"_s, u"Replay a scripted REKK-style shift with the embedded demo cases; needs no servers. With --review: review four generated weeks of overrides."_s);
    const QCommandLineOption review(u"review"_s, u"Open the supervisor's override review (behind the supervisor passphrase, or the database role on PostgreSQL)."_s);
    const QCommandLineOption trainer(u"trainer"_s, u"Open the trainer's window: simulated scam chats from the scenario library, scored and debriefed. With --demo: results go to a temporary folder."_s);
    const QCommandLineOption speed(u"speed"_s, u"Demo replay speed, or with --trainer how fast the customer types (0.25 to 16; default 1)."_s, u"factor"_s, u"1"_s);
    const QCommandLineOption settingsFile(u"settings"_s, u"User settings file (default: the user's configuration folder)."_s, u"file"_s);
    const QCommandLineOption agent(u"agent-id"_s, u"Agent id written in audit records (default: the login name)."_s, u"id"_s);
    const QCommandLineOption team(u"team"_s, u"Agent's team written in audit records."_s, u"team"_s);
    const QCommandLineOption chatwootUrl(u"chatwoot-url"_s, u"Poll a Chatwoot conversation: the Chatwoot base URL (token in RG_CHATWOOT_TOKEN)."_s, u"url"_s);
    const QCommandLineOption chatwootAccount(u"chatwoot-account"_s, u"Chatwoot account id."_s, u"id"_s);
    const QCommandLineOption chatwootConversation(u"chatwoot-conversation"_s, u"Chatwoot conversation id."_s, u"id"_s);
    QCommandLineOption firstPaint(u"first-paint-exit"_s, u"Print \"first-paint\" when the window is first drawn, then quit."_s);
    firstPaint.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption judgements(u"print-judgements"_s, u"Print each judgement of a live session as a line of refundguard-cli scan JSON on standard output."_s);
    judgements.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(judgements);
    // The README's debrief screenshot: a scripted trainee (an answers file of
    // tests/data/scenarios) plays one scenario through the window to its debrief.
    QCommandLineOption playScenario(u"play-scenario"_s, u"With --trainer: play this scenario id with --play-answers."_s, u"id"_s);
    playScenario.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption playAnswers(u"play-answers"_s, u"With --trainer: the answers file the scripted trainee plays."_s, u"file"_s);
    playAnswers.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption results(u"results"_s, u"With --trainer: open on the training results (the cohort compared, progress over time). With --demo: a simulated cohort's four weeks."_s);
    parser.addOptions({demo, review, trainer, speed, settingsFile, agent, team, chatwootUrl,
                       chatwootAccount, chatwootConversation, firstPaint, playScenario, playAnswers,
                       results});
    parser.process(app);

    Options options;
    options.demo = parser.isSet(demo);
    options.review = parser.isSet(review);
    options.trainer = parser.isSet(trainer);
    options.playScenario = parser.value(playScenario);
    options.playAnswers = parser.value(playAnswers);
    options.trainerResults = parser.isSet(results);
    if (options.review && options.trainer) {
        std::fprintf(stderr, "refundguard: --review and --trainer open different windows; give one\n");
        return std::nullopt;
    }
    if ((options.playScenario.isEmpty() != options.playAnswers.isEmpty())
        || (!options.playScenario.isEmpty() && !options.trainer)
        || (options.trainerResults && (!options.trainer || !options.playScenario.isEmpty()))) {
        std::fprintf(stderr, "refundguard: --play-scenario and --play-answers go together, with --trainer;"
                             " --results goes with --trainer, without them\n");
        return std::nullopt;
    }
    bool ok = false;
    options.speed = parser.value(speed).toDouble(&ok);
    if (!ok || options.speed < 0.25 || options.speed > 16) {
        std::fprintf(stderr, "refundguard: --speed must be a number from 0.25 to 16\n");
        return std::nullopt;
    }
    options.settingsPath = parser.value(settingsFile);
    options.agentId = parser.value(agent);
    options.team = parser.value(team);
    options.chatwootUrl = parser.value(chatwootUrl);
    options.chatwootAccount = parser.value(chatwootAccount);
    options.chatwootConversation = parser.value(chatwootConversation);
    options.firstPaintExit = parser.isSet(firstPaint);
    options.printJudgements = parser.isSet(judgements);
    if (!options.chatwootUrl.isEmpty()
        && (options.chatwootAccount.isEmpty() || options.chatwootConversation.isEmpty())) {
        std::fprintf(stderr, "refundguard: --chatwoot-url needs --chatwoot-account and --chatwoot-conversation\n");
        return std::nullopt;
    }
    return options;
}

// The demo keeps everything (audit log, key, journal, token) in a folder removed at exit, so
// trying it leaves nothing behind and never mixes with a real shift's records.
struct Paths
{
    QString data;
    QString keyPath;
    QString tokenPath;
};

// How long a start waits for the pack source before it runs on the cached pack. A fetch still
// running then completes behind the window, and its pack is used from the next start.
constexpr int kPackWaitMs = 5000;
constexpr int kPackRequestTimeoutMs = 30000;

/*
 * The pack named by packs/sourceUrl, fetched now (waiting at most kPackWaitMs) and verified
 * against packs/publicKeys, else the last good pack cached, else the built-in one; \a status says
 * which and why. An unsigned or altered pack is never used.
 */
rg::Result<std::unique_ptr<rg::batch::Engine>>
loadSignedPacks(const rg::settings::Settings &settings, rg::packs::PackStatus &status)
{
    using rg::settings::Key;
    rg::packs::PackUpdater::Options options;
    options.source = settings.value(Key::PackSourceUrl).toString();
    for (const QString &text : settings.value(Key::PackPublicKeys).toStringList()) {
        if (auto key = rg::packs::parsePublicKey(text))
            options.keys.append(key.value());
    }
    options.cacheDir = rg::packs::defaultPackCacheDir();
    options.requestTimeoutMs = kPackRequestTimeoutMs;
    // Owned by the application, so that a fetch outlasting the wait can finish.
    auto *updater = new rg::packs::PackUpdater(options, QCoreApplication::instance());
    updater->start();
    QString fetchError;
    std::optional<rg::packs::CachedPacks> fetched;
    if (updater->waitForFinished(kPackWaitMs)) {
        fetchError = updater->error();
        fetched = updater->takeCurrentPacks();
        updater->deleteLater();
    } else {
        fetchError = u"%1 did not answer within %2 s"_s.arg(options.source).arg(kPackWaitMs / 1000);
        QObject::connect(updater, &rg::packs::PackUpdater::finished, updater,
                         [updater](const QString &error) {
                             if (error.isEmpty())
                                 rg::log::get("app")->info("a newer pack arrived after the start; "
                                                           "it is used from the next start");
                             updater->deleteLater();
                         });
    }
    auto choice
        = rg::packs::choosePacks(options.cacheDir, options.keys, fetchError, std::move(fetched));
    status = choice.status;
    if (choice.packs) {
        auto engine = rg::batch::Engine::fromPacks(std::move(choice.packs->rules),
                                                   std::move(choice.packs->policies));
        if (engine) {
            if (status.state == rg::packs::PackStatus::State::Current)
                rg::log::get("app")->info("{}", status.text().toStdString());
            else
                rg::log::get("app")->warn("{}", status.text().toStdString());
            return engine;
        }
        // Signed but unusable here (a pack written for a newer matcher, say): the start must
        // not fail on every launch while that pack stays cached.
        status = {.state = rg::packs::PackStatus::State::BuiltIn,
                  .source = status.source,
                  .reason = u"the signed pack does not load: %1"_s.arg(engine.error())};
    }
    rg::log::get("app")->warn("{}", status.text().toStdString());
    return rg::batch::Engine::load();
}

// The rules and policies of the settings: the signed packs of packs/sourceUrl when it is set
// (\a packStatus, when given, then tells how that went), else the paths, else the built-in ones.
rg::Result<std::unique_ptr<rg::batch::Engine>>
loadEngine(const rg::settings::Settings &settings,
           std::optional<rg::packs::PackStatus> *packStatus = nullptr)
{
    using rg::settings::Key;
    if (!settings.value(Key::PackSourceUrl).toString().isEmpty()) {
        rg::packs::PackStatus status;
        auto engine = loadSignedPacks(settings, status);
        if (packStatus)
            *packStatus = status;
        return engine;
    }
    const QString rules = settings.value(Key::RulePackPath).toString();
    const QString policies = settings.value(Key::PoliciesPath).toString();
    return rg::batch::Engine::load(rules.isEmpty() ? rg::batch::kDefaultRulePack : rules,
                                   policies.isEmpty() ? rg::batch::kDefaultPolicies : policies);
}

// The packs in use in the sidebar's status bar: the date in short, the whole story in the
// tooltip, and said aloud (a message) when the pack is not the current one.
void showPackStatus(rg::ui::SidebarWindow &window, const rg::packs::PackStatus &status,
                    bool messageFree)
{
    using State = rg::packs::PackStatus::State;
    const QString date = status.packTime.toUTC().toString(u"yyyy-MM-dd"_s);
    QString text;
    switch (status.state) {
    case State::Current:
        text = QCoreApplication::translate("main", "Pack of %1").arg(date);
        break;
    case State::Stale:
        text = QCoreApplication::translate("main", "OLD PACK of %1").arg(date);
        break;
    case State::BuiltIn:
        text = QCoreApplication::translate("main", "BUILT-IN PACK");
        break;
    }
    auto *label = new QLabel(text, &window);
    label->setObjectName(u"packStatusLabel"_s);
    label->setToolTip(status.text());
    label->setAccessibleDescription(status.text());
    window.statusBar()->addPermanentWidget(label);
    if (status.state != State::Current && messageFree)
        window.statusBar()->showMessage(status.text());
}

/*
 * The supervisor's window over the audit log of the settings. A local SQLite log is guarded by
 * the supervisor passphrase (set on first use); on PostgreSQL the database login decides, as
 * an agent's login cannot read the log. Dispositions go to the supervisor's own chain.
 */
int runReview(const Options &options, rg::settings::Settings &settings)
{
    // The demo reviews four generated weeks up to today (with two planted insiders) in a folder
    // removed at exit: no passphrase guards a log that is thrown away.
    QTemporaryDir demoDir;
    QString url = settings.value(rg::settings::Key::AuditDatabaseUrl).toString();
    // The supervisor signs with a key of their own, never the sidebar's on the same account.
    QString keyPath = rg::model::defaultSecretFilePath("RG_SUPERVISOR_KEY", u"supervisor-signing.key"_s);
    rg::review::GeneratorOptions generator;
    if (options.demo) {
        if (!demoDir.isValid())
            return fail(QCoreApplication::translate("main", "cannot create a temporary folder for the demo: %1")
                        .arg(demoDir.errorString()));
        url = u"sqlite://"_s + demoDir.filePath(u"audit.db"_s);
        keyPath = demoDir.filePath(u"supervisor.key"_s);
        // Whole weeks from a Monday that end before today: no record lies in the future.
        const QDate first = QDate::currentDate().addDays(-7 * generator.weeks);
        generator.start = first.addDays(1 - first.dayOfWeek());
        if (auto generated = rg::review::generateAuditLog(url, demoDir.path(), generator); !generated)
            return fail(generated.error());
    }
    auto database = rg::audit::DatabaseUrl::parse(url);
    if (!database)
        return fail(database.error());
    if (!options.demo && !database.value().isPostgres()) {
        // Opening would create an empty log and report it verified.
        if (!QFileInfo(database.value().path).isFile())
            return fail(QCoreApplication::translate("main", "there is no audit log at %1 (settings key %2)")
                            .arg(database.value().path, u"audit/databaseUrl"_s));
        rg::review::SupervisorGate gate;
        rg::ui::PassphraseDialog dialog(gate);
        if (dialog.exec() != QDialog::Accepted) {
            rg::log::get("app")->info("review not opened: the supervisor passphrase was not given");
            return kExitFailed;
        }
    }
    rg::ui::ReviewServices services;
    services.database = database.value();
    services.reviewer.id = options.agentId.isEmpty() ? qEnvironmentVariable("USER", u"supervisor"_s) : options.agentId;
    services.reviewer.team = options.team;
    rg::audit::AuditLog::Options audit;
    audit.database = database.value();
    audit.keyPath = keyPath;
    if (auto opened = rg::audit::AuditLog::open(std::move(audit)))
        services.auditLog = std::move(opened).value();
    else
        services.auditLogProblem = opened.error();

    rg::ui::ReviewWindow window(settings, std::move(services));
    if (options.demo) {
        window.setWindowTitle(QCoreApplication::translate("main", "%1 (demo: generated records)")
                                  .arg(window.windowTitle()));
    }
    // The window shows once the list is open; a login that may not read the log, say, ends here.
    FirstPaintReporter firstPaint(options.firstPaintExit, nullptr);
    window.installEventFilter(&firstPaint);
    int status = kExitOk;
    QObject::connect(&window, &rg::ui::ReviewWindow::opened, &window, [&](const QString &error) {
        if (!error.isEmpty()) {
            status = fail(error);
            QCoreApplication::exit(kExitFailed);
            return;
        }
        if (options.demo)
            window.setPeriod(generator.start, QDateTime::currentDateTimeUtc().date());
        window.show();
    });
    window.open();
    const int exitCode = QApplication::exec();
    return status != kExitOk || exitCode != 0 ? kExitFailed : kExitOk;
}

// The demo's results page has something to compare: a simulated cohort's last four weeks.
rg::Result<bool> seedDemoCohort(rg::training::ResultStore &store, rg::batch::Engine &engine,
                                const rg::training::IntentMatcher &intents)
{
    QList<rg::training::Scenario> library;
    for (const QString &path : rg::training::shippedScenarios()) {
        auto scenario = rg::training::Scenario::load(path);
        if (!scenario)
            return rg::Error{scenario.error()};
        library.append(std::move(scenario).value());
    }
    const auto runs = rg::training::simulateCohort(library, engine, intents,
                                                   QDateTime::currentDateTimeUtc(), 2026);
    for (const rg::training::RunRecord &run : runs) {
        if (auto added = store.add(run); !added)
            return rg::Error{added.error()};
    }
    return true;
}

// The training results at \a text (a database URL; a SQLite file's folder is created).
rg::Result<std::unique_ptr<rg::training::ResultStore>> openTrainingStore(const QString &text)
{
    const auto url = rg::audit::DatabaseUrl::parse(text);
    if (!url)
        return rg::Error{u"training/databaseUrl: "_s + url.error()};
    return rg::training::ResultStore::open(url.value());
}

/*
 * The trainer's window over the shipped scenario library. Runs are stored in the training
 * database (settings key training/databaseUrl, by default training.db in the data folder); the
 * demo keeps them in a folder removed at exit.
 * Without a database the window still trains and says that results last for the session only.
 */
int runTrainer(const Options &options, rg::settings::Settings &settings)
{
    QTemporaryDir demoDir;
    if (options.demo && !demoDir.isValid())
        return fail(QCoreApplication::translate("main", "cannot create a temporary folder for the demo: %1")
                        .arg(demoDir.errorString()));
    auto engine = loadEngine(settings);
    if (!engine)
        return fail(engine.error());
    auto intents = rg::training::IntentMatcher::load();
    if (!intents)
        return fail(intents.error());

    rg::ui::TrainerServices services;
    services.engine = engine.value().get();
    services.intents = &intents.value();
    std::unique_ptr<rg::training::ResultStore> store;
    const QString url = options.demo
                            ? u"sqlite://"_s + demoDir.filePath(u"training.db"_s)
                            : settings.value(rg::settings::Key::TrainingDatabaseUrl).toString();
    if (auto opened = openTrainingStore(url)) {
        store = std::move(opened).value();
        services.store = [s = store.get()](const rg::training::RunRecord &run) { return s->add(run); };
        services.loadRuns = [s = store.get()] { return s->runs(); };
        // As `refundguard-cli training results --anonymise` keeps it: beside a SQLite file. A
        // shared server has no "beside": the CLI's --salt names it there.
        if (!store->url().isPostgres())
            services.saltPath = store->url().path + u".salt"_s;
        if (options.demo) {
            if (auto seeded = seedDemoCohort(*store, *engine.value(), intents.value()); !seeded)
                rg::log::get("app")->warn("training demo: {}", seeded.error().toStdString());
        }
    } else {
        services.storeProblem = opened.error();
        rg::log::get("app")->error("training results: {}", opened.error().toStdString());
    }

    rg::ui::TrainerWindow window(std::move(services), rg::training::shippedScenarios());
    window.setSpeed(options.speed);
    if (options.demo) {
        window.setWindowTitle(QCoreApplication::translate("main", "%1 (demo: results are removed at exit)")
                                  .arg(window.windowTitle()));
    }
    if (!options.playScenario.isEmpty()) {
        auto answers = rg::training::Answers::load(options.playAnswers);
        if (!answers)
            return fail(answers.error());
        const QStringList unknown = window.setUpSession(
            QCoreApplication::translate("main", "Demo trainee"), QString(), {options.playScenario}, false);
        if (!unknown.isEmpty())
            return fail(QCoreApplication::translate("main", "there is no scenario \"%1\" in the library")
                            .arg(options.playScenario));
        if (auto started = window.startSession(); !started)
            return fail(started.error());
        QObject::connect(&window, &rg::ui::TrainerWindow::playFailed, &window,
                         [&options](const QString &error) {
                             fail(u"%1: %2"_s.arg(options.playAnswers, error));
                             QCoreApplication::exit(kExitFailed);
                         });
        if (auto played = window.play(answers.value()); !played)
            return fail(u"%1: %2"_s.arg(options.playAnswers, played.error()));
    }
    if (options.trainerResults)
        window.showResults();
    FirstPaintReporter firstPaint(options.firstPaintExit, nullptr);
    window.installEventFilter(&firstPaint);
    window.show();
    return QApplication::exec() == 0 ? kExitOk : kExitFailed;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"refundguard"_s);
    // The desktop entry (installer/linux): Wayland ties the window to its name and icon.
    QGuiApplication::setDesktopFileName(u"org.refundguard.RefundGuard"_s);
    QApplication::setApplicationDisplayName(u"Refund Guard"_s);
    QApplication::setApplicationVersion(QStringLiteral(RG_VERSION));
    QApplication::setQuitOnLastWindowClosed(true);
    rg::app::setupLogging(false);
    rg::context::registerMetaTypes();

    QCommandLineParser parser;
    const auto options = parseOptions(parser, app);
    if (!options)
        return kExitUsage;

    const QString userSettings = options->settingsPath.isEmpty()
                                     ? rg::settings::Settings::defaultUserPath()
                                     : options->settingsPath;
    rg::settings::Settings settings(userSettings);
    for (const QString &warning : settings.warnings())
        rg::log::get("app")->warn("{}", warning.toStdString());
    using rg::settings::Key;
    // Before any window: widgets take their texts from the translators installed when built.
    const auto language = rg::i18n::installTranslators(
        app, settings.value(Key::UiLanguage).toString());
    rg::log::get("app")->info("interface language {} (translation {}, Qt's {})",
                              language.locale.name().toStdString(),
                              language.appLoaded ? "loaded" : "none",
                              language.qtLoaded ? "loaded" : "none");
    if (options->review)
        return runReview(*options, settings);
    if (options->trainer)
        return runTrainer(*options, settings);

    QTemporaryDir demoDir;
    Paths paths;
    if (options->demo) {
        if (!demoDir.isValid())
            return fail(QCoreApplication::translate("main", "cannot create a temporary folder for the demo: %1")
                        .arg(demoDir.errorString()));
        paths = {demoDir.path(), demoDir.filePath(u"audit-signing.key"_s), demoDir.filePath(u"bridge.token"_s)};
    } else {
        paths = {QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
                 rg::audit::defaultKeyPath(), rg::feed::defaultBridgeTokenPath()};
    }
    if (!QDir().mkpath(paths.data))
        return fail(QCoreApplication::translate("main", "cannot create the data folder %1").arg(paths.data));

    std::optional<rg::packs::PackStatus> packStatus;
    auto engine = loadEngine(settings, &packStatus);
    if (!engine)
        return fail(engine.error());

    std::unique_ptr<rg::context::CaseProvider> caseProvider;
    if (options->demo) {
        auto demoProvider = rg::context::EmbeddedCaseProvider::openDemo(demoDir.filePath(u"demo-cases.db"_s));
        if (!demoProvider)
            return fail(demoProvider.error());
        caseProvider = std::move(demoProvider).value();
    } else if (const QString url = settings.value(Key::CaseServiceUrl).toString(); !url.isEmpty()) {
        rg::context::HttpCaseProvider::Options http;
        http.baseUrl = QUrl(url);
        http.token = settings.value(Key::CaseServiceToken).toString();
        caseProvider = std::make_unique<rg::context::HttpCaseProvider>(std::move(http));
    } else if (!options->chatwootUrl.isEmpty()) {
        // No case service: the case is what Chatwoot knows of the conversation, read through the
        // chatwoot field mapping (its custom attributes carry the shop's data).
        auto mapping = rg::context::FieldMapping::preset(u"chatwoot"_s);
        if (!mapping)
            return fail(mapping.error());
        rg::context::HttpCaseProvider::Options http;
        http.baseUrl = QUrl(options->chatwootUrl);
        http.token = qEnvironmentVariable("RG_CHATWOOT_TOKEN");
        http.mapping = std::move(mapping).value();
        http.pathParameters.insert(u"account"_s, options->chatwootAccount);
        caseProvider = std::make_unique<rg::context::HttpCaseProvider>(std::move(http));
    }

    // Without an audit log the sidebar still warns, but overrides are refused with the reason:
    // nothing may look recorded that is not.
    QString auditProblem;
    std::shared_ptr<rg::audit::AuditLog> auditLog;
    {
        const QString url = options->demo ? u"sqlite://"_s + demoDir.filePath(u"audit.db"_s)
                                          : settings.value(Key::AuditDatabaseUrl).toString();
        auto database = rg::audit::DatabaseUrl::parse(url);
        if (database) {
            rg::audit::AuditLog::Options audit;
            audit.database = database.value();
            audit.keyPath = paths.keyPath;
            if (audit.database.isPostgres()) {
                audit.outbox = rg::audit::DatabaseUrl::parse(u"sqlite://"_s + paths.data + u"/audit-outbox.db"_s).value();
            }
            auto opened = rg::audit::AuditLog::open(std::move(audit));
            if (opened)
                auditLog = std::move(opened).value();
            else
                auditProblem = opened.error();
        } else {
            auditProblem = database.error();
        }
    }

    rg::session::SessionServices services;
    services.engine = engine.value().get();
    services.caseProvider = caseProvider.get();
    services.auditLog = auditLog;
    services.agent.id = options->agentId.isEmpty() ? qEnvironmentVariable("USER", u"agent"_s) : options->agentId;
    services.agent.team = options->team;
    auto sessions = rg::session::SessionManager::open(paths.data + u"/sessions.db"_s, services);
    if (!sessions)
        return fail(sessions.error());
    rg::session::SessionManager &manager = *sessions.value();
    if (options->printJudgements)
        printJudgements(manager);

    auto token = rg::feed::loadOrCreateBridgeToken(paths.tokenPath);
    if (!token)
        return fail(token.error());
    rg::feed::BridgeConfig bridgeConfig;
    bridgeConfig.port = options->demo ? 0 : quint16(settings.value(Key::BridgePort).toInt());
    bridgeConfig.token = token.value();
    bridgeConfig.allowedOrigins = settings.value(Key::BridgeAllowedOrigins).toStringList();
    rg::feed::Bridge bridge(bridgeConfig);
    const auto listening = bridge.listen();
    manager.connectBridge(&bridge);

    rg::ui::SidebarWindow window(manager, settings, token.value());
    QStringList feeds;
    feeds << (listening ? QCoreApplication::translate("main", "Bridge on 127.0.0.1:%1").arg(listening.value())
                        : QCoreApplication::translate("main", "Bridge off: %1").arg(listening.error()));
    if (!auditProblem.isEmpty()) {
        feeds << QCoreApplication::translate("main", "AUDIT LOG UNAVAILABLE — overrides cannot be recorded");
        window.statusBar()->showMessage(auditProblem);
        rg::log::get("app")->error("audit log: {}", auditProblem.toStdString());
    }
    if (packStatus)
        showPackStatus(window, *packStatus, auditProblem.isEmpty());

    std::unique_ptr<rg::feed::ChatwootPoller> chatwoot;
    if (!options->chatwootUrl.isEmpty()) {
        rg::feed::ChatwootPollerConfig config;
        config.baseUrl = QUrl(options->chatwootUrl);
        config.accountId = options->chatwootAccount;
        config.conversationId = options->chatwootConversation;
        config.apiAccessToken = qEnvironmentVariable("RG_CHATWOOT_TOKEN");
        chatwoot = std::make_unique<rg::feed::ChatwootPoller>(config);
        if (!chatwoot->configurationError().isEmpty())
            return fail(chatwoot->configurationError());
        QObject::connect(chatwoot.get(), &rg::feed::ChatwootPoller::eventReceived, &manager,
                         [&manager](const rg::feed::FeedEvent &event) { (void)manager.handleEvent(event); });
        QObject::connect(chatwoot.get(), &rg::feed::ChatwootPoller::failed, &window,
                         [&window](const QString &message) { window.statusBar()->showMessage(message, 15000); });
        rg::feed::FeedEvent opened;
        opened.type = rg::feed::FeedEventType::CaseOpened;
        opened.conversationId = chatwoot->conversationId();
        opened.caseId = options->chatwootConversation; // the chatwoot mapping's case id
        if (auto handled = manager.handleEvent(opened); !handled)
            return fail(handled.error());
        chatwoot->start();
        feeds << QCoreApplication::translate("main", "Chatwoot %1").arg(chatwoot->conversationId());
    }

    std::unique_ptr<rg::feed::DemoPlayer> player;
    if (options->demo) {
        auto steps = rg::feed::loadDemoScript();
        if (!steps)
            return fail(steps.error());
        player = std::make_unique<rg::feed::DemoPlayer>(std::move(steps).value());
        player->setSpeed(options->speed);
        QObject::connect(player.get(), &rg::feed::DemoPlayer::eventReady, &manager,
                         [&manager](const rg::feed::FeedEvent &event) { (void)manager.handleEvent(event); });
        QObject::connect(player.get(), &rg::feed::DemoPlayer::actionProposed, &window,
                         [&window](const QString &conversationId, const QJsonObject &action) {
                             window.proposeAction(conversationId, action);
                         });
        QObject::connect(player.get(), &rg::feed::DemoPlayer::finished, &window, [&window] {
            window.statusBar()->showMessage(QCoreApplication::translate("main", "Demo finished."));
        });
        QMenu *menu = window.menuBar()->addMenu(QCoreApplication::translate("main", "&Demo"));
        auto *speeds = new QActionGroup(menu);
        for (double factor : {0.5, 1.0, 2.0, 4.0, 8.0}) {
            QAction *action = menu->addAction(QCoreApplication::translate("main", "Speed ×%1").arg(factor));
            action->setCheckable(true);
            action->setChecked(qFuzzyCompare(factor, player->speed()));
            speeds->addAction(action);
            QObject::connect(action, &QAction::triggered, player.get(),
                             [p = player.get(), factor] { p->setSpeed(factor); });
        }
        feeds << QCoreApplication::translate("main", "Demo ×%1").arg(options->speed);
    }
    window.setFeedStatus(feeds.join(u" · "_s));

    FirstPaintReporter firstPaint(options->firstPaintExit, &app);
    window.installEventFilter(&firstPaint);
    window.show();
    if (player)
        player->start();
    return QApplication::exec() == 0 ? kExitOk : kExitFailed;
}
