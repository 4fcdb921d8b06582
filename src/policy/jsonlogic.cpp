// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/jsonlogic.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStringList>
#include <QVarLengthArray>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace rg::policy {

using namespace Qt::StringLiterals;

namespace Internal {

Q_LOGGING_CATEGORY(lcJsonLogic, "rg.policy.jsonlogic")

// Arrays and objects built while evaluating may nest at most this deep: "reduce" can nest them
// once per element of the data, and every walk over a value is recursive.
constexpr int kMaxValueDepth = 512;
// Walking a value (its JS string, data evaluated as a rule) refuses anything deeper than this.
constexpr int kMaxWalkDepth = 4096;
// Data evaluated as a rule (see Evaluator::reapply) may itself lead to data evaluated as a rule.
constexpr int kMaxReapplyDepth = 16;
// What one evaluation may build: array elements (merge, map, filter, missing, array literals
// with operations inside, the result written out as JSON) and string characters (cat, substr,
// the string of an array). A real policy builds a few dozen of each; these are far above that
// and far below what exhausts memory, so a rule that doubles a value per element ("merge" or
// "cat" of the reduce accumulator with itself) fails after about 20 doublings, in milliseconds,
// instead of growing until std::bad_alloc.
constexpr qsizetype kMaxBuiltElements = 1'000'000;
constexpr qsizetype kMaxBuiltChars = 1'000'000;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// JavaScript's undefined: an argument not given, "and" without arguments, ...
struct Undefined
{
};

struct Value;
using Items = std::vector<Value>;
using Members = std::vector<std::pair<QString, Value>>;

// An array or object of the data or of a literal in the rule. JS compares objects by identity, and
// reading one place twice yields one object, so the identity is the document (root) and the
// place in it.
struct JsonRef
{
    QJsonValue json;
    quint64 root = 0; // 0: the data evaluated; otherwise a literal object of a rule
    QString place;    // the keys and indexes leading here, each after a ".": ".a.0.b"
};

// An array built while evaluating; serial is its identity within one evaluation.
struct ArrayRef
{
    std::shared_ptr<const Items> items;
    quint64 serial = 0;
    int depth = 1;
};

// The {"current", "accumulator"} scope of "reduce", the only object a rule builds.
struct ObjectRef
{
    std::shared_ptr<const Members> members;
    quint64 serial = 0;
    int depth = 1;
};

// A JavaScript value as json-logic-js sees it.
struct Value
{
    std::variant<Undefined, std::nullptr_t, bool, double, QString, JsonRef, ArrayRef, ObjectRef> v;
};

// One key of a dotted path; index is set when the key is also a JS array index ("0", "12").
struct Segment
{
    QString key;
    QByteArray ascii; // the key again when it is ASCII: Qt finds Latin-1 keys faster
    qsizetype index = -1;
};

// The path of a "var" or of a "missing" key, split once.
struct VarPath
{
    bool whole = false; // "", null or nothing: the data itself
    QString text;       // as written, for FactRead
    std::vector<Segment> segments;
    QStringList prefixes; // "a", "a.b", "a.b.c" for "a.b.c": the places passed, and the fact
    QString place;        // ".a.b.c", see JsonRef
};

// What one data document's lookups found: the document's CBOR view and the places read so far
// ("a", "a.b", "a.b.c") with what is there. One evaluation keeps its own; a LookupCache shares
// them between the evaluations of one decision.
struct Lookups
{
    static constexpr qsizetype kPlaces = 48;

    struct Place
    {
        QString place; // "a.b"
        QCborValue value;
    };

    bool ready = false;
    QCborValue cbor; // the data, shared, not copied
    QVarLengthArray<Place, kPlaces> places;
};

struct StaticKey
{
    Value key;
    VarPath path;
};

enum class Op : quint8 {
    Literal,
    Array,
    ConstArray,
    Var,
    Missing,
    MissingSome,
    If,
    And,
    Or,
    Filter,
    Map,
    Reduce,
    All,
    None,
    Some,
    Equal,
    StrictEqual,
    NotEqual,
    StrictNotEqual,
    Greater,
    GreaterEqual,
    Less,
    LessEqual,
    NotNot,
    Not,
    Modulo,
    Log,
    In,
    Cat,
    Substr,
    Add,
    Multiply,
    Subtract,
    Divide,
    Min,
    Max,
    Merge,
};

struct Node
{
    Op op = Op::Literal;
    Value literal;                      // Literal
    std::shared_ptr<const Items> items; // ConstArray: built once, a new identity per evaluation
    std::vector<Node> args;             // operations and Array
    std::optional<VarPath> path;        // Var whose path is a constant
    std::optional<std::vector<StaticKey>> keys; // Missing, MissingSome with constant keys
    QString where;                              // JSON pointer of the node, for runtime errors
};

} // namespace Internal

namespace {

using namespace Internal;

struct OperatorName
{
    QLatin1StringView name;
    Op op;
};

constexpr OperatorName kOperators[] = {
    {"=="_L1, Op::Equal},
    {"==="_L1, Op::StrictEqual},
    {"!="_L1, Op::NotEqual},
    {"!=="_L1, Op::StrictNotEqual},
    {">"_L1, Op::Greater},
    {">="_L1, Op::GreaterEqual},
    {"<"_L1, Op::Less},
    {"<="_L1, Op::LessEqual},
    {"!!"_L1, Op::NotNot},
    {"!"_L1, Op::Not},
    {"%"_L1, Op::Modulo},
    {"log"_L1, Op::Log},
    {"in"_L1, Op::In},
    {"cat"_L1, Op::Cat},
    {"substr"_L1, Op::Substr},
    {"+"_L1, Op::Add},
    {"*"_L1, Op::Multiply},
    {"-"_L1, Op::Subtract},
    {"/"_L1, Op::Divide},
    {"min"_L1, Op::Min},
    {"max"_L1, Op::Max},
    {"merge"_L1, Op::Merge},
    {"var"_L1, Op::Var},
    {"missing"_L1, Op::Missing},
    {"missing_some"_L1, Op::MissingSome},
    {"if"_L1, Op::If},
    {"?:"_L1, Op::If},
    {"and"_L1, Op::And},
    {"or"_L1, Op::Or},
    {"filter"_L1, Op::Filter},
    {"map"_L1, Op::Map},
    {"reduce"_L1, Op::Reduce},
    {"all"_L1, Op::All},
    {"none"_L1, Op::None},
    {"some"_L1, Op::Some},
};

// A runtime error (what json-logic-js throws); caught at the edge, in Logic::evaluate.
struct RuntimeError
{
    QString message;
    bool located = false; // the message already names the node
};

QString located(const QString &where, const QString &problem)
{
    return (where.isEmpty() ? u"/"_s : where) + u": "_s + problem;
}

[[noreturn]] void throwElementBudget(const char *what)
{
    throw RuntimeError{u"%1 exceeds the evaluation budget of %2 elements"_s.arg(
        QLatin1StringView(what), QString::number(kMaxBuiltElements))};
}

[[noreturn]] void throwCharBudget(const char *what)
{
    throw RuntimeError{u"%1 exceeds the evaluation budget of %2 characters"_s.arg(
        QLatin1StringView(what), QString::number(kMaxBuiltChars))};
}

// Whatever one evaluation may still build; see kMaxBuiltElements.
struct Budget
{
    qsizetype elements = kMaxBuiltElements;
    qsizetype chars = kMaxBuiltChars;

    void spendElements(qsizetype count)
    {
        if (count > elements)
            throwElementBudget("building arrays");
        elements -= count;
    }

    void spendChars(qsizetype count)
    {
        if (count > chars)
            throwCharBudget("building strings");
        chars -= count;
    }
};

// ---- values -------------------------------------------------------------------------------

bool isUndefined(const Value &value)
{
    return std::holds_alternative<Undefined>(value.v);
}

bool isNullish(const Value &value)
{
    return std::holds_alternative<Undefined>(value.v)
           || std::holds_alternative<std::nullptr_t>(value.v);
}

const QString *asString(const Value &value)
{
    return std::get_if<QString>(&value.v);
}

bool isArray(const Value &value)
{
    if (const auto *ref = std::get_if<JsonRef>(&value.v))
        return ref->json.isArray();
    return std::holds_alternative<ArrayRef>(value.v);
}

bool isComposite(const Value &value)
{
    return std::holds_alternative<JsonRef>(value.v) || std::holds_alternative<ArrayRef>(value.v)
           || std::holds_alternative<ObjectRef>(value.v);
}

qsizetype arraySize(const Value &value)
{
    if (const auto *ref = std::get_if<JsonRef>(&value.v))
        return ref->json.isArray() ? ref->json.toArray().size() : 0;
    if (const auto *array = std::get_if<ArrayRef>(&value.v))
        return qsizetype(array->items->size());
    return 0;
}

int depthOf(const Value &value)
{
    if (const auto *array = std::get_if<ArrayRef>(&value.v))
        return array->depth;
    if (const auto *object = std::get_if<ObjectRef>(&value.v))
        return object->depth;
    return std::holds_alternative<JsonRef>(value.v) ? 1 : 0;
}

// Places join keys with dots: keys read through a dotted path never hold one.
QString placeSegment(QStringView key)
{
    QString segment(1, u'.');
    segment += key;
    return segment;
}

Value fromJson(const QJsonValue &json, quint64 root = 0, const QString &place = {})
{
    switch (json.type()) {
    case QJsonValue::Null:
        return {nullptr};
    case QJsonValue::Bool:
        return {json.toBool()};
    case QJsonValue::Double:
        return {json.toDouble()};
    case QJsonValue::String:
        return {json.toString()};
    case QJsonValue::Array:
    case QJsonValue::Object:
        return {JsonRef{json, root, place}};
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

// An element of a JSON array or object; its place is spelled out only when it is one itself.
Value fromJsonChild(const QJsonValue &json, const JsonRef &parent, QStringView key)
{
    if (json.isArray() || json.isObject())
        return {JsonRef{json, parent.root, parent.place + placeSegment(key)}};
    return fromJson(json);
}

Value fromJsonChild(const QJsonValue &json, const JsonRef &parent, qsizetype index)
{
    if (json.isArray() || json.isObject())
        return fromJsonChild(json, parent, QString::number(index));
    return fromJson(json);
}

// Calls f with each element of an array value, in order.
template <typename F>
void forEachElement(const Value &array, F &&f)
{
    if (const auto *ref = std::get_if<JsonRef>(&array.v)) {
        const QJsonArray list = ref->json.toArray();
        for (qsizetype i = 0; i < list.size(); ++i)
            f(fromJsonChild(list.at(i), *ref, i));
    } else if (const auto *built = std::get_if<ArrayRef>(&array.v)) {
        for (const Value &item : *built->items)
            f(item);
    }
}

// The value as JSON.stringify writes it: undefined and non-finite numbers are null (inside an
// object, an undefined member is left out). Arrays built may share elements (["a", "a"] with one
// array twice), so writing them out counts its elements against elementsLeft.
QJsonValue toJson(const Value &value, qsizetype &elementsLeft)
{
    if (const auto *b = std::get_if<bool>(&value.v))
        return *b;
    if (const auto *d = std::get_if<double>(&value.v))
        return std::isfinite(*d) ? QJsonValue(*d) : QJsonValue(QJsonValue::Null);
    if (const auto *s = std::get_if<QString>(&value.v))
        return *s;
    if (const auto *ref = std::get_if<JsonRef>(&value.v))
        return ref->json;
    if (const auto *array = std::get_if<ArrayRef>(&value.v)) {
        elementsLeft -= qsizetype(array->items->size());
        if (elementsLeft < 0)
            throwElementBudget("writing the value as JSON");
        QJsonArray list;
        for (const Value &item : *array->items)
            list.append(toJson(item, elementsLeft));
        return list;
    }
    if (const auto *object = std::get_if<ObjectRef>(&value.v)) {
        elementsLeft -= qsizetype(object->members->size());
        if (elementsLeft < 0)
            throwElementBudget("writing the value as JSON");
        QJsonObject json;
        for (const auto &[key, member] : *object->members) {
            if (!isUndefined(member))
                json.insert(key, toJson(member, elementsLeft));
        }
        return json;
    }
    return QJsonValue::Null;
}

QJsonValue toJson(const Value &value)
{
    qsizetype elementsLeft = kMaxBuiltElements;
    return toJson(value, elementsLeft);
}

// ---- JavaScript conversions -----------------------------------------------------------------

// StrWhiteSpaceChar: what Number() and parseFloat() skip.
bool isJsSpace(char16_t c)
{
    switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// The length of the longest unsigned decimal literal ("12", "1.5e3", ".5", "5.") at the start
// of text; 0 when there is none.
qsizetype decimalLength(QStringView text)
{
    qsizetype i = 0;
    while (i < text.size() && isDigit(text[i]))
        ++i;
    const qsizetype integerDigits = i;
    if (i < text.size() && text[i] == u'.') {
        qsizetype j = i + 1;
        while (j < text.size() && isDigit(text[j]))
            ++j;
        if (integerDigits == 0 && j == i + 1)
            return 0;
        i = j;
    } else if (integerDigits == 0) {
        return 0;
    }
    if (i < text.size() && (text[i] == u'e' || text[i] == u'E')) {
        qsizetype j = i + 1;
        if (j < text.size() && (text[j] == u'+' || text[j] == u'-'))
            ++j;
        const qsizetype digitsFrom = j;
        while (j < text.size() && isDigit(text[j]))
            ++j;
        if (j > digitsFrom)
            i = j;
    }
    return i;
}

// An unsigned decimal literal (as decimalLength accepts it), correctly rounded.
double decimalToDouble(QStringView literal)
{
    const std::string text = literal.toLatin1().toStdString();
    double value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value,
                                        std::chars_format::general);
    if (result.ec != std::errc::result_out_of_range)
        return value;
    // Too large or too small for a double: which one follows from the decimal exponent of the
    // first significant digit.
    const std::size_t e = text.find_first_of("eE");
    const std::string mantissa = text.substr(0, e);
    long long exponent = 0;
    if (e != std::string::npos) {
        std::size_t at = e + 1;
        const bool negative = at < text.size() && text[at] == '-';
        if (at < text.size() && (text[at] == '+' || text[at] == '-'))
            ++at;
        for (; at < text.size() && exponent < 100000; ++at)
            exponent = exponent * 10 + (text[at] - '0');
        if (negative)
            exponent = -exponent;
    }
    const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
    const std::size_t first = mantissa.find_first_of("123456789");
    if (first == std::string::npos)
        return 0;
    const long long magnitude
        = first < point ? (long long)(point - first) - 1 : -(long long)(first - point);
    return magnitude + exponent > 0 ? kInfinity : 0.0;
}

// Digits of a 0x, 0o or 0b literal, rounded to nearest even as JS does past 53 bits.
double radixToDouble(QStringView digits, int bitsPerDigit)
{
    if (digits.isEmpty())
        return kNaN;
    quint64 top = 0; // the first 64 significant bits
    int used = 0;
    int dropped = 0;
    bool sticky = false; // a 1 among the dropped bits
    for (QChar c : digits) {
        int digit = -1;
        if (isDigit(c))
            digit = c.unicode() - u'0';
        else if (c >= u'a' && c <= u'f')
            digit = c.unicode() - u'a' + 10;
        else if (c >= u'A' && c <= u'F')
            digit = c.unicode() - u'A' + 10;
        if (digit < 0 || digit >= (1 << bitsPerDigit))
            return kNaN;
        for (int bit = bitsPerDigit - 1; bit >= 0; --bit) {
            const bool one = (digit >> bit) & 1;
            if (used == 0 && !one)
                continue;
            if (used < 64) {
                top = (top << 1) | (one ? 1 : 0);
                ++used;
            } else {
                dropped = std::min(dropped + 1, 4096);
                sticky = sticky || one;
            }
        }
    }
    if (sticky)
        top |= 1; // below the rounding position of a double: breaks a tie upwards
    return std::ldexp(static_cast<double>(top), dropped);
}

QStringView trimmedStart(QStringView text)
{
    qsizetype begin = 0;
    while (begin < text.size() && isJsSpace(text[begin].unicode()))
        ++begin;
    return text.sliced(begin);
}

// Number(text).
double stringToNumber(QStringView text)
{
    text = trimmedStart(text);
    qsizetype end = text.size();
    while (end > 0 && isJsSpace(text[end - 1].unicode()))
        --end;
    text = text.first(end);
    if (text.isEmpty())
        return 0;
    if (text.size() > 2 && text[0] == u'0') {
        const char16_t prefix = text[1].unicode() | 0x20;
        const int bits = prefix == u'x' ? 4 : prefix == u'o' ? 3 : prefix == u'b' ? 1 : 0;
        if (bits)
            return radixToDouble(text.sliced(2), bits);
    }
    const bool negative = text[0] == u'-';
    if (negative || text[0] == u'+')
        text = text.sliced(1);
    double value = kNaN;
    if (text == u"Infinity")
        value = kInfinity;
    else if (const qsizetype length = decimalLength(text); length > 0 && length == text.size())
        value = decimalToDouble(text);
    return negative ? -value : value;
}

// parseFloat(text): the longest decimal literal at the start, after white space.
double parseFloat(QStringView text)
{
    text = trimmedStart(text);
    const bool negative = text.startsWith(u'-');
    if (negative || text.startsWith(u'+'))
        text = text.sliced(1);
    double value = kNaN;
    if (text.startsWith(u"Infinity"))
        value = kInfinity;
    else if (const qsizetype length = decimalLength(text))
        value = decimalToDouble(text.first(length));
    return negative ? -value : value;
}

// Number.prototype.toString(): 1 not 1.0, 1e+21, 1e-7, shortest digits that read back.
QString numberToString(double d)
{
    if (std::isnan(d))
        return u"NaN"_s;
    if (d == 0)
        return u"0"_s;
    if (std::isinf(d))
        return d < 0 ? u"-Infinity"_s : u"Infinity"_s;
    if (d < 0)
        return u'-' + numberToString(-d);
    char buffer[64];
    const auto result
        = std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::scientific);
    const std::string_view text(buffer, std::size_t(result.ptr - buffer)); // "d.ddde+XX"
    const std::size_t e = text.find('e');
    std::string digits(1, text[0]);
    if (e > 1)
        digits.append(text.substr(2, e - 2));
    int exponent = 0;
    const std::size_t exponentDigits = text[e + 1] == '-' || text[e + 1] == '+' ? e + 2 : e + 1;
    (void)std::from_chars(text.data() + exponentDigits, text.data() + text.size(), exponent);
    if (text[e + 1] == '-')
        exponent = -exponent;
    const int k = int(digits.size());
    const int n = exponent + 1; // the decimal point sits after n digits
    std::string out;
    if (k <= n && n <= 21) {
        out = digits + std::string(std::size_t(n - k), '0');
    } else if (0 < n && n <= 21) {
        out = digits.substr(0, std::size_t(n)) + '.' + digits.substr(std::size_t(n));
    } else if (-6 < n && n <= 0) {
        out = "0." + std::string(std::size_t(-n), '0') + digits;
    } else {
        out = digits.substr(0, 1);
        if (k > 1)
            out += '.' + digits.substr(1);
        out += n - 1 >= 0 ? "e+" : "e-";
        out += std::to_string(std::abs(n - 1));
    }
    return QString::fromLatin1(out);
}

void appendJsString(QString &out, const QJsonValue &json, int depth, qsizetype limit);

void checkWalkDepth(int depth)
{
    if (depth > kMaxWalkDepth)
        throw RuntimeError{u"value nested deeper than %1 levels"_s.arg(kMaxWalkDepth)};
}

// An array built may hold one array many times, so its string can be far longer than anything
// built: the appendJsString functions stop once out is longer than limit.
void checkLength(const QString &out, qsizetype limit)
{
    if (out.size() > limit)
        throwCharBudget("the string of a value");
}

// Array.prototype.join(","): null and undefined elements are empty.
void appendJoined(QString &out, const QJsonArray &list, int depth, qsizetype limit)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i)
            out += u',';
        const QJsonValue element = list.at(i);
        if (!element.isNull() && !element.isUndefined())
            appendJsString(out, element, depth + 1, limit);
    }
}

// String(json).
void appendJsString(QString &out, const QJsonValue &json, int depth, qsizetype limit)
{
    checkWalkDepth(depth);
    switch (json.type()) {
    case QJsonValue::Null:
        out += u"null"_s;
        break;
    case QJsonValue::Bool:
        out += json.toBool() ? u"true"_s : u"false"_s;
        break;
    case QJsonValue::Double:
        out += numberToString(json.toDouble());
        break;
    case QJsonValue::String:
        out += json.toString();
        break;
    case QJsonValue::Array:
        appendJoined(out, json.toArray(), depth, limit);
        break;
    case QJsonValue::Object:
        out += u"[object Object]"_s;
        break;
    case QJsonValue::Undefined:
        out += u"undefined"_s;
        break;
    }
    checkLength(out, limit);
}

// String(value).
void appendJsString(QString &out, const Value &value, int depth, qsizetype limit)
{
    checkWalkDepth(depth);
    if (isUndefined(value))
        out += u"undefined"_s;
    else if (std::holds_alternative<std::nullptr_t>(value.v))
        out += u"null"_s;
    else if (const auto *b = std::get_if<bool>(&value.v))
        out += *b ? u"true"_s : u"false"_s;
    else if (const auto *d = std::get_if<double>(&value.v))
        out += numberToString(*d);
    else if (const auto *s = std::get_if<QString>(&value.v))
        out += *s;
    else if (const auto *ref = std::get_if<JsonRef>(&value.v))
        appendJsString(out, ref->json, depth, limit);
    else if (std::holds_alternative<ObjectRef>(value.v))
        out += u"[object Object]"_s;
    else if (const auto *array = std::get_if<ArrayRef>(&value.v)) {
        bool first = true;
        for (const Value &item : *array->items) {
            if (!first)
                out += u',';
            first = false;
            if (!isNullish(item))
                appendJsString(out, item, depth + 1, limit);
        }
    }
    checkLength(out, limit);
}

// String(value), at most limit characters long when it has to be built.
QString jsString(const Value &value, qsizetype limit = kMaxBuiltChars)
{
    if (const auto *s = asString(value))
        return *s;
    QString out;
    appendJsString(out, value, 0, limit);
    return out;
}

// ToPrimitive: arrays and objects become their string.
Value toPrimitive(const Value &value)
{
    return isComposite(value) ? Value{jsString(value)} : value;
}

// Number(value).
double toNumber(const Value &value)
{
    if (const auto *d = std::get_if<double>(&value.v))
        return *d;
    if (const auto *b = std::get_if<bool>(&value.v))
        return *b ? 1 : 0;
    if (std::holds_alternative<std::nullptr_t>(value.v))
        return 0;
    if (isUndefined(value))
        return kNaN;
    if (const auto *s = asString(value))
        return stringToNumber(*s);
    return stringToNumber(jsString(value));
}

// parseFloat(value): it reads String(value), so -0 becomes 0.
double parseFloat(const Value &value)
{
    if (const auto *d = std::get_if<double>(&value.v))
        return *d == 0 ? 0.0 : *d;
    if (const auto *s = asString(value))
        return parseFloat(QStringView(*s));
    return parseFloat(QStringView(jsString(value)));
}

double toIntegerOrInfinity(double d)
{
    return std::isnan(d) ? 0 : std::trunc(d);
}

// JS truthiness (!!value): every array and object is true.
bool jsTruthy(const Value &value)
{
    if (const auto *b = std::get_if<bool>(&value.v))
        return *b;
    if (const auto *d = std::get_if<double>(&value.v))
        return !(*d == 0 || std::isnan(*d));
    if (const auto *s = asString(value))
        return !s->isEmpty();
    return isComposite(value);
}

// JSON Logic truthiness: as JS, but an empty array is false.
bool logicTruthy(const Value &value)
{
    if (isArray(value))
        return arraySize(value) > 0;
    return jsTruthy(value);
}

// ---- comparisons --------------------------------------------------------------------------

enum class JsType { Undefined, Null, Boolean, Number, String, Object };

JsType jsType(const Value &value)
{
    switch (value.v.index()) {
    case 0:
        return JsType::Undefined;
    case 1:
        return JsType::Null;
    case 2:
        return JsType::Boolean;
    case 3:
        return JsType::Number;
    case 4:
        return JsType::String;
    default:
        return JsType::Object;
    }
}

bool sameObject(const Value &x, const Value &y)
{
    if (const auto *a = std::get_if<JsonRef>(&x.v)) {
        const auto *b = std::get_if<JsonRef>(&y.v);
        return b && a->root == b->root && a->place == b->place;
    }
    if (const auto *a = std::get_if<ArrayRef>(&x.v)) {
        const auto *b = std::get_if<ArrayRef>(&y.v);
        return b && a->serial == b->serial;
    }
    if (const auto *a = std::get_if<ObjectRef>(&x.v)) {
        const auto *b = std::get_if<ObjectRef>(&y.v);
        return b && a->serial == b->serial;
    }
    return false;
}

// x === y.
bool strictEqual(const Value &x, const Value &y)
{
    const JsType type = jsType(x);
    if (type != jsType(y))
        return false;
    switch (type) {
    case JsType::Undefined:
    case JsType::Null:
        return true;
    case JsType::Boolean:
        return std::get<bool>(x.v) == std::get<bool>(y.v);
    case JsType::Number:
        return std::get<double>(x.v) == std::get<double>(y.v);
    case JsType::String:
        return std::get<QString>(x.v) == std::get<QString>(y.v);
    case JsType::Object:
        return sameObject(x, y);
    }
    return false;
}

// x == y.
bool looseEqual(const Value &x, const Value &y)
{
    const JsType tx = jsType(x);
    const JsType ty = jsType(y);
    if (tx == ty)
        return strictEqual(x, y);
    const auto nullish
        = [](JsType type) { return type == JsType::Undefined || type == JsType::Null; };
    if (nullish(tx) && nullish(ty))
        return true;
    if (tx == JsType::Number && ty == JsType::String)
        return std::get<double>(x.v) == toNumber(y);
    if (tx == JsType::String && ty == JsType::Number)
        return toNumber(x) == std::get<double>(y.v);
    if (tx == JsType::Boolean)
        return looseEqual(Value{toNumber(x)}, y);
    if (ty == JsType::Boolean)
        return looseEqual(x, Value{toNumber(y)});
    if ((tx == JsType::String || tx == JsType::Number) && ty == JsType::Object)
        return looseEqual(x, Value{jsString(y)});
    if (tx == JsType::Object && (ty == JsType::String || ty == JsType::Number))
        return looseEqual(Value{jsString(x)}, y);
    return false;
}

// x < y; nullopt is JS's undefined (a NaN was involved), which every comparison takes as false.
std::optional<bool> lessThan(const Value &x, const Value &y)
{
    const auto *dx = std::get_if<double>(&x.v);
    const auto *dy = std::get_if<double>(&y.v);
    if (dx && dy) {
        if (std::isnan(*dx) || std::isnan(*dy))
            return std::nullopt;
        return *dx < *dy;
    }
    const Value px = toPrimitive(x);
    const Value py = toPrimitive(y);
    const QString *sx = asString(px);
    const QString *sy = asString(py);
    if (sx && sy)
        return *sx < *sy; // UTF-16 code units, as JS
    const double nx = toNumber(px);
    const double ny = toNumber(py);
    if (std::isnan(nx) || std::isnan(ny))
        return std::nullopt;
    return nx < ny;
}

bool less(const Value &x, const Value &y)
{
    return lessThan(x, y) == true;
}

bool lessOrEqual(const Value &x, const Value &y)
{
    return lessThan(y, x) == false;
}

// x + y where x is a number: a string on the right makes it a concatenation.
Value plus(double x, const Value &y)
{
    const Value primitive = toPrimitive(y);
    if (const auto *s = asString(primitive))
        return {numberToString(x) + *s};
    return {x + toNumber(primitive)};
}

// String.prototype.substr(start, length).
QString jsSubstr(const QString &text, const Value &start, const Value &length)
{
    const double size = double(text.size());
    double from = toIntegerOrInfinity(toNumber(start));
    if (from == -kInfinity)
        from = 0;
    else if (from < 0)
        from = std::max(size + from, 0.0);
    else
        from = std::min(from, size);
    const double count
        = isUndefined(length) ? size : std::clamp(toIntegerOrInfinity(toNumber(length)), 0.0, size);
    const double to = std::min(from + count, size);
    if (from >= to)
        return {};
    return text.mid(qsizetype(from), qsizetype(to - from));
}

bool isArrayIndex(QStringView key, qsizetype *index)
{
    if (key.isEmpty() || key.size() > 10 || (key.size() > 1 && key[0] == u'0'))
        return false;
    qint64 value = 0;
    for (QChar c : key) {
        if (!isDigit(c))
            return false;
        value = value * 10 + (c.unicode() - u'0');
    }
    if (value >= 4294967295LL) // 2^32 - 1 is not an array index in JS
        return false;
    *index = qsizetype(value);
    return true;
}

// list[key] for an array or string of size elements, at(index) making an element: an element by
// its index, or the length.
template <typename T, typename At>
std::optional<T> elementOrLength(qsizetype size, const Segment &segment, At &&at)
{
    if (segment.index >= 0 && segment.index < size)
        return at(segment.index);
    if (segment.key == u"length")
        return T{double(size)};
    return std::nullopt;
}

/*
 * cursor = cursor[key] for the data as QJsonValue or as its QCborValue view: own members, array
 * elements and length, string characters and length. False when there is nothing there (JS's
 * undefined), also when cursor is null. The CBOR view is what the data is read through most: Qt's
 * CBOR maps find a key with about half the work of its JSON objects, faster still given a Latin-1
 * key.
 */
template <typename Json>
bool stepData(Json &cursor, const Segment &segment)
{
    constexpr bool cbor = std::is_same_v<Json, QCborValue>;
    std::optional<Json> next;
    if constexpr (cbor) {
        if (cursor.isMap()) {
            const QCborMap map = cursor.toMap();
            const auto it = segment.ascii.isNull()
                                ? map.constFind(segment.key)
                                : map.constFind(QLatin1StringView(segment.ascii));
            if (it == map.constEnd())
                return false;
            cursor = it.value();
            return true;
        }
    } else {
        if (cursor.isObject()) {
            const QJsonObject object = cursor.toObject();
            const auto it = object.constFind(segment.key);
            if (it == object.constEnd())
                return false;
            cursor = *it;
            return true;
        }
    }
    if (cursor.isArray()) {
        const auto list = cursor.toArray();
        next = elementOrLength<Json>(list.size(), segment,
                                     [&](qsizetype index) { return list.at(index); });
    } else if (cursor.isString()) {
        const QString text = cursor.toString();
        next = elementOrLength<Json>(text.size(), segment,
                                     [&](qsizetype index) { return Json(QString(text[index])); });
    }
    if (!next)
        return false;
    cursor = std::move(*next);
    return true;
}

// from[key] for a value built while evaluating (or a string). Not stepData: a built array holds
// Values, and a built object is the reduce scope, a list of two members.
Value stepValue(const Value &from, const Segment &segment)
{
    std::optional<Value> next;
    if (const auto *array = std::get_if<ArrayRef>(&from.v)) {
        const Items &items = *array->items;
        next = elementOrLength<Value>(qsizetype(items.size()), segment,
                                      [&](qsizetype index) { return items[std::size_t(index)]; });
    } else if (const auto *object = std::get_if<ObjectRef>(&from.v)) {
        for (const auto &[name, member] : *object->members) {
            if (name == segment.key)
                return member;
        }
    } else if (const auto *text = asString(from)) {
        next = elementOrLength<Value>(text->size(), segment, [&](qsizetype index) {
            return Value{QString(text->at(index))};
        });
    }
    return next ? std::move(*next) : Value{};
}

// The path "var" reads for its first argument a.
VarPath varPathOf(const Value &a)
{
    VarPath path;
    const QString *text = asString(a);
    if (isNullish(a) || (text && text->isEmpty())) {
        path.whole = true;
        return path;
    }
    path.text = jsString(a);
    for (const QStringView key : QStringView(path.text).split(u'.')) {
        if (!path.segments.empty())
            path.prefixes.append(
                QStringView(path.text).first(key.data() - path.text.constData() - 1).toString());
        Segment segment{key.toString(), {}, -1};
        if (std::all_of(key.begin(), key.end(), [](QChar c) { return c.unicode() < 0x80; }))
            segment.ascii = key.toLatin1();
        if (!isArrayIndex(key, &segment.index))
            segment.index = -1;
        path.segments.push_back(std::move(segment));
    }
    path.prefixes.append(path.text);
    path.place = u'.' + path.text;
    return path;
}

quint64 nextLiteralId()
{
    static std::atomic<quint64> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

// ---- compiling ----------------------------------------------------------------------------

std::optional<Op> operatorNamed(const QString &name)
{
    for (const OperatorName &entry : kOperators) {
        if (entry.name == name)
            return entry.op;
    }
    return std::nullopt;
}

QString pointerSegment(QString key)
{
    key.replace(u'~', u"~0"_s);
    key.replace(u'/', u"~1"_s);
    return u'/' + key;
}

bool isConstant(const Node &node)
{
    return node.op == Op::Literal || node.op == Op::ConstArray;
}

Value constantValue(const Node &node)
{
    if (node.op == Op::ConstArray)
        return {ArrayRef{node.items, 0, 1}};
    return node.literal;
}

// The keys of a "missing" whose arguments are all constants: the elements of its first argument
// when that is an array, otherwise the arguments.
std::optional<std::vector<StaticKey>> staticKeys(const std::vector<Node> &args)
{
    if (!std::all_of(args.begin(), args.end(), isConstant))
        return std::nullopt;
    std::vector<StaticKey> keys;
    if (!args.empty() && args.front().op == Op::ConstArray) {
        for (const Value &key : *args.front().items)
            keys.push_back({key, varPathOf(key)});
        return keys;
    }
    for (const Node &arg : args) {
        if (arg.op != Op::Literal) // an array key means var's [path, default] form
            return std::nullopt;
        keys.push_back({arg.literal, varPathOf(arg.literal)});
    }
    return keys;
}

std::optional<QString> compileNode(const QJsonValue &rule, const QString &where, int depth,
                                   Node &node);

// Checks of argument shapes that json-logic-js always rejects (it throws whatever the data), and
// what can be worked out once instead of per evaluation.
std::optional<QString> specialise(Node &node)
{
    switch (node.op) {
    case Op::Var:
        if (node.args.empty())
            node.path = VarPath{true, {}, {}, {}, {}};
        else if (isConstant(node.args.front()))
            node.path = varPathOf(constantValue(node.args.front()));
        break;
    case Op::Missing:
        node.keys = staticKeys(node.args);
        break;
    case Op::MissingSome: {
        if (node.args.size() < 2)
            return located(node.where, u"\"missing_some\" needs a count and a list of keys"_s);
        const Node &options = node.args[1];
        if (options.op == Op::Literal && isNullish(options.literal))
            return located(node.where, u"\"missing_some\" needs a list of keys, not null"_s);
        if (options.op == Op::ConstArray) {
            std::vector<StaticKey> keys;
            for (const Value &key : *options.items)
                keys.push_back({key, varPathOf(key)});
            node.keys = std::move(keys);
        }
        break;
    }
    case Op::Multiply:
        if (node.args.empty())
            return located(node.where, u"\"*\" needs at least one argument"_s);
        break;
    default:
        break;
    }
    return std::nullopt;
}

/*
 * Compiles rule into node. where is the JSON pointer of rule in the whole rule; depth counts
 * the operations and arrays around it, and is checked before going deeper, so a hostile rule
 * cannot exhaust the stack.
 */
std::optional<QString> compileNode(const QJsonValue &rule, const QString &where, int depth,
                                   Node &node)
{
    node.where = where;
    const bool operation = rule.isObject() && rule.toObject().size() == 1;
    if ((rule.isArray() || operation) && depth > Logic::kMaxDepth)
        return located(where, u"rule nested deeper than %1 levels"_s.arg(Logic::kMaxDepth));
    if (rule.isArray()) {
        const QJsonArray list = rule.toArray();
        node.args.resize(std::size_t(list.size()));
        bool constant = true;
        for (qsizetype i = 0; i < list.size(); ++i) {
            Node &element = node.args[std::size_t(i)];
            if (auto error
                = compileNode(list.at(i), where + u'/' + QString::number(i), depth + 1, element)) {
                return error;
            }
            constant = constant && element.op == Op::Literal;
        }
        if (constant) {
            // Built once; JS makes a new array per evaluation, so each gets a new identity.
            auto items = std::make_shared<Items>();
            items->reserve(node.args.size());
            for (const Node &element : node.args)
                items->push_back(element.literal);
            node.op = Op::ConstArray;
            node.items = std::move(items);
            node.args.clear();
        } else {
            node.op = Op::Array;
        }
        return std::nullopt;
    }
    if (!operation) {
        node.op = Op::Literal;
        // An object that is not an operation is returned as it is: the same object each time.
        node.literal = rule.isObject() ? Value{JsonRef{rule, nextLiteralId(), {}}} : fromJson(rule);
        return std::nullopt;
    }
    const QJsonObject object = rule.toObject();
    const QString name = object.constBegin().key();
    const auto op = operatorNamed(name);
    if (!op)
        return located(where, u"unknown operator \"%1\""_s.arg(name));
    node.op = *op;
    const QJsonValue values = object.constBegin().value();
    const QString here = where + pointerSegment(name);
    if (values.isArray()) {
        const QJsonArray list = values.toArray();
        node.args.resize(std::size_t(list.size()));
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (auto error = compileNode(list.at(i), here + u'/' + QString::number(i), depth + 1,
                                         node.args[std::size_t(i)])) {
                return error;
            }
        }
    } else {
        // {"var": "x"} is short for {"var": ["x"]}.
        node.args.resize(1);
        if (auto error = compileNode(values, here, depth + 1, node.args.front()))
            return error;
    }
    return specialise(node);
}

// json found at segments[from...] below place: its place is spelled out only for an array or
// object.
Value fromJsonAt(const QJsonValue &json, quint64 root, QString place,
                 const std::vector<Segment> &segments, std::size_t from)
{
    if (!json.isArray() && !json.isObject())
        return fromJson(json);
    for (std::size_t i = from; i < segments.size(); ++i)
        place += placeSegment(segments[i].key);
    return {JsonRef{json, root, std::move(place)}};
}

// ---- evaluating ---------------------------------------------------------------------------

// One evaluation: the data, where reads go, and the identities handed out so far. A null datum
// means the top-level data; scoped rules (map, filter, reduce, ...) get their element instead.
class Evaluator final
{
public:
    Evaluator(const QJsonValue &data, std::vector<FactRead> *reads, Lookups *shared)
        : m_data(data)
        , m_lookups(shared ? *shared : m_own)
        , m_reads(reads)
    {
        if (!m_lookups.ready) {
            m_lookups.cbor = QCborValue::fromJsonValue(data);
            m_lookups.ready = true;
        }
    }

    Value eval(const Node &node, const Value *datum)
    {
        switch (node.op) {
        case Op::Literal:
            return node.literal;
        case Op::ConstArray:
            return {ArrayRef{node.items, ++m_serial, 1}};
        default:
            break;
        }
        try {
            return evalOperation(node, datum);
        } catch (RuntimeError &error) {
            if (!error.located) {
                error.message = located(node.where, error.message);
                error.located = true;
            }
            throw;
        }
    }

private:
    Value evalOperation(const Node &node, const Value *datum);

    Value arg(const Node &node, std::size_t i, const Value *datum)
    {
        return i < node.args.size() ? eval(node.args[i], datum) : Value{};
    }

    // json-logic-js evaluates every argument of a plain operation, used or not.
    void evalRest(const Node &node, std::size_t from, const Value *datum)
    {
        for (std::size_t i = from; i < node.args.size(); ++i)
            eval(node.args[i], datum);
    }

    // A new array of items, which count against the budget.
    Value makeArray(Items items)
    {
        m_budget.spendElements(qsizetype(items.size()));
        return wrapArray(std::move(items));
    }

    // A new array of items already counted against the budget.
    Value wrapArray(Items items)
    {
        int depth = 1;
        for (const Value &item : items)
            depth = std::max(depth, depthOf(item) + 1);
        if (depth > kMaxValueDepth)
            throw RuntimeError{u"array nested deeper than %1 levels"_s.arg(kMaxValueDepth)};
        return {ArrayRef{std::make_shared<const Items>(std::move(items)), ++m_serial, depth}};
    }

    Value whole(const Value *datum) const { return datum ? *datum : fromJson(m_data); }

    bool findInData(const VarPath &path, QCborValue &found);
    QJsonValue jsonInData(const std::vector<Segment> &segments) const;
    Value lookup(const std::vector<Segment> &segments, const Value &datum) const;
    Value readVar(const VarPath &path, Value fallback, const Value *datum);
    Value var(const Node &node, const Value *datum);
    Value varOfKey(const Value &key, const Value *datum);
    Value missingOf(const Items &args, const Value *datum);
    Value missing(const Node &node, const Value *datum);
    Value missingSome(const Node &node, const Value *datum);
    Value reapply(const Value &value, const Value *datum, int depth);
    Value scoped(const Node &node, const Value *datum);
    bool contains(const Value &needle, const Value &haystack) const;

    const QJsonValue &m_data;
    Lookups m_own;      // used when no LookupCache is given
    Lookups &m_lookups; // the places found so far in the data
    std::vector<FactRead> *m_reads;
    quint64 m_serial = 0;
    int m_reapplyDepth = 0;
    Budget m_budget;
};

/*
 * Finds path in the top-level data, as json-logic-js's var loop does: a null or undefined on the
 * way, or nothing at a step, is "not found" (false). Policies read several facts under one
 * object ("action.order.delivery.status", "...photo"), and a Qt lookup is the costly part of
 * evaluating, so the places passed on the way, and the fact itself, are remembered for this
 * evaluation, or for all evaluations sharing a LookupCache.
 */
bool Evaluator::findInData(const VarPath &path, QCborValue &found)
{
    QCborValue cursor = m_lookups.cbor;
    std::size_t from = 0;
    for (qsizetype k = path.prefixes.size(); k > 0 && from == 0; --k) {
        for (const Lookups::Place &known : m_lookups.places) {
            if (known.place == path.prefixes[k - 1]) {
                cursor = known.value;
                from = std::size_t(k);
                break;
            }
        }
    }
    for (std::size_t i = from; i < path.segments.size(); ++i) {
        if (!stepData(cursor, path.segments[i]))
            return false;
        if (m_lookups.places.size() < Lookups::kPlaces)
            m_lookups.places.append({path.prefixes[qsizetype(i)], cursor});
    }
    found = std::move(cursor);
    return true;
}

// The QJsonValue at segments of the data, known to be there.
QJsonValue Evaluator::jsonInData(const std::vector<Segment> &segments) const
{
    QJsonValue cursor = m_data;
    for (const Segment &segment : segments) {
        if (!stepData(cursor, segment))
            return QJsonValue::Undefined;
    }
    return cursor;
}

/*
 * Reads segments from datum as json-logic-js's var loop does: a null or undefined on the way, or
 * nothing at a step, is "not found" (undefined). A null found at the end is returned as null.
 * Steps inside JSON stay QJsonValues; an array or object found gets its place spelled out only
 * at the end.
 */
Value Evaluator::lookup(const std::vector<Segment> &segments, const Value &datum) const
{
    QJsonValue json;
    quint64 root = 0;
    QString place;
    std::size_t placeFrom = 0;
    Value value;
    bool inJson = true;
    if (const auto *ref = std::get_if<JsonRef>(&datum.v)) {
        json = ref->json;
        root = ref->root;
        place = ref->place;
    } else {
        value = datum;
        inJson = false;
    }
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (inJson) {
            if (!stepData(json, segments[i]))
                return {};
            continue;
        }
        if (isNullish(value))
            return {};
        Value next = stepValue(value, segments[i]);
        if (const auto *ref = std::get_if<JsonRef>(&next.v)) {
            json = ref->json;
            root = ref->root;
            place = ref->place;
            placeFrom = i + 1;
            inJson = true;
        } else if (isUndefined(next)) {
            return {};
        } else {
            value = std::move(next);
        }
    }
    if (!inJson)
        return value;
    return fromJsonAt(json, root, place, segments, placeFrom);
}

Value Evaluator::readVar(const VarPath &path, Value fallback, const Value *datum)
{
    if (path.whole) {
        Value all = whole(datum);
        if (m_reads && !datum)
            m_reads->push_back({QString(), m_data});
        return all;
    }
    Value found;
    if (datum) {
        found = lookup(path.segments, *datum);
    } else if (QCborValue cbor; findInData(path, cbor)) {
        if (cbor.isMap() || cbor.isArray()) {
            // An object or array keeps its place in the data (its identity) and is recorded as it
            // is.
            found = Value{JsonRef{jsonInData(path.segments), 0, path.place}};
        } else if (cbor.isInteger() || cbor.isDouble()) {
            found = Value{cbor.toDouble()};
        } else if (cbor.isString()) {
            found = Value{cbor.toString()};
        } else if (cbor.isBool()) {
            found = Value{cbor.toBool()};
        } else if (cbor.isNull()) {
            found = Value{nullptr};
        }
        if (m_reads)
            m_reads->push_back({path.text, toJson(found)});
    } else if (m_reads) {
        m_reads->push_back({path.text, QJsonValue()});
    }
    if (isUndefined(found))
        return isUndefined(fallback) ? Value{nullptr} : std::move(fallback);
    return found;
}

Value Evaluator::var(const Node &node, const Value *datum)
{
    if (node.path) {
        Value fallback = arg(node, 1, datum);
        evalRest(node, 2, datum);
        return readVar(*node.path, std::move(fallback), datum);
    }
    const Value a = arg(node, 0, datum);
    Value fallback = arg(node, 1, datum);
    evalRest(node, 2, datum);
    return readVar(varPathOf(a), std::move(fallback), datum);
}

/*
 * Data that looks like a rule is evaluated as one where json-logic-js applies a value again:
 * the keys of "missing" and the list of "missing_some". Arrays are applied element-wise (a new
 * array), objects with one key are operations, anything else is itself.
 */
Value Evaluator::reapply(const Value &value, const Value *datum, int depth)
{
    checkWalkDepth(depth);
    if (isArray(value)) {
        Items items;
        forEachElement(value, [&](const Value &element) {
            items.push_back(reapply(element, datum, depth + 1));
        });
        return makeArray(std::move(items));
    }
    const auto *ref = std::get_if<JsonRef>(&value.v);
    if (!ref || !ref->json.isObject() || ref->json.toObject().size() != 1)
        return value;
    if (m_reapplyDepth >= kMaxReapplyDepth) {
        throw RuntimeError{
            u"data evaluated as a rule leads to data evaluated as a rule more than %1 times"_s.arg(
                kMaxReapplyDepth)};
    }
    Node node;
    if (auto error = compileNode(ref->json, QString(), 1, node))
        throw RuntimeError{u"data evaluated as a rule: "_s + *error};
    ++m_reapplyDepth;
    try {
        Value result = eval(node, datum);
        --m_reapplyDepth;
        return result;
    } catch (RuntimeError &error) {
        error.message = u"data evaluated as a rule: "_s + error.message;
        error.located = false;
        throw;
    }
}

// json-logic-js's apply({"var": key}, data) inside "missing".
Value Evaluator::varOfKey(const Value &key, const Value *datum)
{
    Value a;
    Value fallback;
    if (isArray(key)) {
        std::size_t i = 0;
        forEachElement(key, [&](const Value &element) {
            Value applied = reapply(element, datum, 1);
            if (i == 0)
                a = std::move(applied);
            else if (i == 1)
                fallback = std::move(applied);
            ++i;
        });
    } else {
        a = reapply(key, datum, 0);
    }
    return readVar(varPathOf(a), std::move(fallback), datum);
}

bool isAbsent(const Value &value)
{
    const QString *text = asString(value);
    return std::holds_alternative<std::nullptr_t>(value.v) || (text && text->isEmpty());
}

Value Evaluator::missingOf(const Items &args, const Value *datum)
{
    Items absent;
    const auto check = [&](const Value &key) {
        if (isAbsent(varOfKey(key, datum)))
            absent.push_back(key);
    };
    if (!args.empty() && isArray(args.front()))
        forEachElement(args.front(), check);
    else
        std::for_each(args.begin(), args.end(), check);
    return makeArray(std::move(absent));
}

Value Evaluator::missing(const Node &node, const Value *datum)
{
    if (node.keys) {
        Items absent;
        for (const StaticKey &key : *node.keys) {
            if (isAbsent(readVar(key.path, Value{}, datum)))
                absent.push_back(key.key);
        }
        return makeArray(std::move(absent));
    }
    Items args;
    args.reserve(node.args.size());
    for (const Node &child : node.args)
        args.push_back(eval(child, datum));
    return missingOf(args, datum);
}

Value Evaluator::missingSome(const Node &node, const Value *datum)
{
    const Value need = eval(node.args[0], datum);
    Value absent;
    double optionCount = 0;
    if (node.keys) {
        evalRest(node, 2, datum);
        Items list;
        for (const StaticKey &key : *node.keys) {
            if (isAbsent(readVar(key.path, Value{}, datum)))
                list.push_back(key.key);
        }
        absent = makeArray(std::move(list));
        optionCount = double(node.keys->size());
    } else {
        const Value options = eval(node.args[1], datum);
        evalRest(node, 2, datum);
        // json-logic-js applies {"missing": options} as a rule, evaluating its elements again.
        Items values;
        if (isArray(options)) {
            forEachElement(options, [&](const Value &element) {
                values.push_back(reapply(element, datum, 1));
            });
        } else {
            values.push_back(reapply(options, datum, 0));
        }
        absent = missingOf(values, datum);
        if (isNullish(options))
            throw RuntimeError{u"\"missing_some\": the list of keys is null"_s};
        Value length; // options.length
        if (const QString *text = asString(options))
            length = Value{double(text->size())};
        else if (isArray(options))
            length = Value{double(arraySize(options))};
        else if (const auto *ref = std::get_if<JsonRef>(&options.v))
            length = fromJson(ref->json.toObject().value(u"length"_s));
        optionCount = toNumber(length);
    }
    if (lessOrEqual(need, Value{optionCount - double(arraySize(absent))}))
        return makeArray({});
    return absent;
}

// filter, map, reduce, all, none, some: the second argument is evaluated per element, with the
// element as its data.
Value Evaluator::scoped(const Node &node, const Value *datum)
{
    const Value list = arg(node, 0, datum);
    const Node *logic = node.args.size() > 1 ? &node.args[1] : nullptr;
    const auto applyTo
        = [&](const Value &element) { return logic ? eval(*logic, &element) : Value{}; };
    switch (node.op) {
    case Op::Filter: {
        if (!isArray(list))
            return makeArray({});
        Items kept;
        forEachElement(list, [&](const Value &element) {
            if (logicTruthy(applyTo(element)))
                kept.push_back(element);
        });
        return makeArray(std::move(kept));
    }
    case Op::Map: {
        if (!isArray(list))
            return makeArray({});
        m_budget.spendElements(arraySize(list));
        Items mapped;
        mapped.reserve(std::size_t(arraySize(list)));
        forEachElement(list, [&](const Value &element) { mapped.push_back(applyTo(element)); });
        return wrapArray(std::move(mapped));
    }
    case Op::Reduce: {
        Value accumulator = node.args.size() > 2 ? eval(node.args[2], datum) : Value{nullptr};
        if (!isArray(list))
            return accumulator;
        forEachElement(list, [&](const Value &element) {
            const int depth = std::max(depthOf(element), depthOf(accumulator)) + 1;
            if (depth > kMaxValueDepth)
                throw RuntimeError{u"value nested deeper than %1 levels"_s.arg(kMaxValueDepth)};
            auto members = std::make_shared<Members>();
            members->reserve(2);
            members->emplace_back(u"current"_s, element);
            members->emplace_back(u"accumulator"_s, std::move(accumulator));
            const Value scope{ObjectRef{std::move(members), ++m_serial, depth}};
            accumulator = applyTo(scope);
        });
        return accumulator;
    }
    case Op::All:
    case Op::None:
    case Op::Some: {
        // All of an empty list is false; none of it is true.
        if (!isArray(list) || arraySize(list) == 0)
            return {node.op == Op::None};
        const bool want = node.op != Op::All; // the answer that stops the loop
        bool stopped = false;
        if (const auto *built = std::get_if<ArrayRef>(&list.v)) {
            for (const Value &element : *built->items) {
                if ((stopped = logicTruthy(applyTo(element)) == want))
                    break;
            }
        } else {
            const auto &ref = std::get<JsonRef>(list.v);
            const QJsonArray elements = ref.json.toArray();
            for (qsizetype i = 0; i < elements.size(); ++i) {
                if ((stopped = logicTruthy(applyTo(fromJsonChild(elements.at(i), ref, i))) == want))
                    break;
            }
        }
        return {node.op == Op::Some ? stopped : !stopped};
    }
    default:
        break;
    }
    return {};
}

// b.indexOf(a) !== -1 for "in", after json-logic-js's guard against b without indexOf.
bool Evaluator::contains(const Value &needle, const Value &haystack) const
{
    if (!jsTruthy(haystack))
        return false;
    if (const auto *text = asString(haystack))
        return text->contains(jsString(needle));
    if (const auto *built = std::get_if<ArrayRef>(&haystack.v)) {
        return std::any_of(built->items->begin(), built->items->end(),
                           [&](const Value &item) { return strictEqual(item, needle); });
    }
    if (const auto *ref = std::get_if<JsonRef>(&haystack.v)) {
        if (ref->json.isObject()) {
            if (ref->json.toObject().contains(u"indexOf"_s))
                throw RuntimeError{u"\"in\": b.indexOf is not a function"_s};
            return false;
        }
        const QJsonArray list = ref->json.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonValue element = list.at(i);
            bool equal = false;
            if (const auto *d = std::get_if<double>(&needle.v))
                equal = element.isDouble() && element.toDouble() == *d;
            else if (const auto *s = asString(needle))
                equal = element.isString() && element.toString() == *s;
            else if (const auto *b = std::get_if<bool>(&needle.v))
                equal = element.isBool() && element.toBool() == *b;
            else if (std::holds_alternative<std::nullptr_t>(needle.v))
                equal = element.isNull();
            else if (const auto *object = std::get_if<JsonRef>(&needle.v))
                equal = (element.isArray() || element.isObject()) && object->root == ref->root
                        && object->place == ref->place + placeSegment(QString::number(i));
            if (equal)
                return true;
        }
    }
    return false;
}

Value Evaluator::evalOperation(const Node &node, const Value *datum)
{
    switch (node.op) {
    case Op::Literal:
    case Op::ConstArray:
        break; // handled in eval()
    case Op::Array: {
        Items items;
        items.reserve(node.args.size());
        for (const Node &child : node.args)
            items.push_back(eval(child, datum));
        return makeArray(std::move(items));
    }
    case Op::Var:
        return var(node, datum);
    case Op::Missing:
        return missing(node, datum);
    case Op::MissingSome:
        return missingSome(node, datum);
    case Op::If: {
        // Pairs of condition and result, then an optional else.
        const std::size_t count = node.args.size();
        std::size_t i = 0;
        for (; i + 1 < count; i += 2) {
            if (logicTruthy(eval(node.args[i], datum)))
                return eval(node.args[i + 1], datum);
        }
        return i + 1 == count ? eval(node.args[i], datum) : Value{nullptr};
    }
    case Op::And:
    case Op::Or: {
        // The first falsy (and) or truthy (or) value, otherwise the last.
        const bool stopOn = node.op == Op::Or;
        Value current;
        for (const Node &child : node.args) {
            current = eval(child, datum);
            if (logicTruthy(current) == stopOn)
                return current;
        }
        return current;
    }
    case Op::Filter:
    case Op::Map:
    case Op::Reduce:
    case Op::All:
    case Op::None:
    case Op::Some:
        return scoped(node, datum);
    case Op::Equal:
    case Op::StrictEqual:
    case Op::NotEqual:
    case Op::StrictNotEqual:
    case Op::Greater:
    case Op::GreaterEqual:
    case Op::Modulo:
    case Op::Divide:
    case Op::In: {
        const Value a = arg(node, 0, datum);
        const Value b = arg(node, 1, datum);
        evalRest(node, 2, datum);
        switch (node.op) {
        case Op::Equal:
            return {looseEqual(a, b)};
        case Op::StrictEqual:
            return {strictEqual(a, b)};
        case Op::NotEqual:
            return {!looseEqual(a, b)};
        case Op::StrictNotEqual:
            return {!strictEqual(a, b)};
        case Op::Greater:
            return {less(b, a)};
        case Op::GreaterEqual:
            return {lessOrEqual(b, a)};
        case Op::Modulo:
            return {std::fmod(toNumber(a), toNumber(b))};
        case Op::Divide:
            return {toNumber(a) / toNumber(b)};
        default:
            return {contains(a, b)};
        }
    }
    case Op::Less:
    case Op::LessEqual: {
        // With a third argument: a < b < c ("between").
        const Value a = arg(node, 0, datum);
        const Value b = arg(node, 1, datum);
        const Value c = arg(node, 2, datum);
        evalRest(node, 3, datum);
        const auto compare = node.op == Op::Less ? less : lessOrEqual;
        if (isUndefined(c))
            return {compare(a, b)};
        return {compare(a, b) && compare(b, c)};
    }
    case Op::NotNot:
    case Op::Not: {
        const Value a = arg(node, 0, datum);
        evalRest(node, 1, datum);
        return {logicTruthy(a) == (node.op == Op::NotNot)};
    }
    case Op::Log: {
        Value a = arg(node, 0, datum);
        evalRest(node, 1, datum);
        const QByteArray text = QJsonDocument(QJsonArray{toJson(a)}).toJson(QJsonDocument::Compact);
        qCInfo(lcJsonLogic).noquote() << QString::fromUtf8(text.sliced(1, text.size() - 2));
        return a;
    }
    case Op::Cat: {
        QString out;
        for (const Node &child : node.args) {
            const Value part = eval(child, datum);
            if (!isNullish(part))
                appendJsString(out, part, 0, kMaxBuiltChars);
        }
        m_budget.spendChars(out.size());
        return {out};
    }
    case Op::Substr: {
        const Value source = arg(node, 0, datum);
        const Value start = arg(node, 1, datum);
        const Value length = arg(node, 2, datum);
        evalRest(node, 3, datum);
        const QString text = jsString(source);
        QString part;
        if (less(length, Value{0.0})) {
            // A negative length counts from the end, as PHP's substr does.
            const QString tail = jsSubstr(text, start, Value{});
            part = jsSubstr(tail, Value{0.0}, plus(double(tail.size()), length));
        } else {
            part = jsSubstr(text, start, length);
        }
        m_budget.spendChars(part.size());
        return {std::move(part)};
    }
    case Op::Add: {
        double sum = 0;
        for (const Node &child : node.args)
            sum = (sum == 0 ? 0.0 : sum) + parseFloat(eval(child, datum));
        return {sum};
    }
    case Op::Multiply: {
        // Array.reduce without an initial value: one argument comes back as it is.
        Value product = eval(node.args.front(), datum);
        for (std::size_t i = 1; i < node.args.size(); ++i)
            product = Value{parseFloat(product) * parseFloat(eval(node.args[i], datum))};
        return product;
    }
    case Op::Subtract: {
        const Value a = arg(node, 0, datum);
        const Value b = arg(node, 1, datum);
        evalRest(node, 2, datum);
        if (isUndefined(b))
            return {-toNumber(a)};
        return {toNumber(a) - toNumber(b)};
    }
    case Op::Min:
    case Op::Max: {
        // Math.min/max: any NaN wins, +0 is above -0, no arguments give +/-Infinity.
        const bool max = node.op == Op::Max;
        double best = max ? -kInfinity : kInfinity;
        bool nan = false;
        for (const Node &child : node.args) {
            const double d = toNumber(eval(child, datum));
            if (std::isnan(d))
                nan = true;
            else if (max ? d > best || (d == 0 && best == 0 && !std::signbit(d))
                         : d < best || (d == 0 && best == 0 && std::signbit(d)))
                best = d;
        }
        return {nan ? kNaN : best};
    }
    case Op::Merge: {
        // Counted before copying: merging an array with itself doubles it.
        Items items;
        for (const Node &child : node.args) {
            Value part = eval(child, datum);
            if (isArray(part)) {
                m_budget.spendElements(arraySize(part));
                forEachElement(part, [&](const Value &element) { items.push_back(element); });
            } else {
                m_budget.spendElements(1);
                items.push_back(std::move(part));
            }
        }
        return wrapArray(std::move(items));
    }
    }
    return {};
}

std::shared_ptr<const Node> nullRule()
{
    static const auto rule = [] {
        auto node = std::make_shared<Node>();
        node->literal = Value{nullptr};
        return std::shared_ptr<const Node>(std::move(node));
    }();
    return rule;
}

} // namespace

/*!
 * A default Logic is the rule null: it evaluates to null.
 */
Logic::Logic()
    : m_root(nullRule())
{}

Logic::Logic(std::shared_ptr<const Internal::Node> root)
    : m_root(std::move(root))
{}

/*!
 * Compiles \a rule. An object with exactly one key is an operation, an array is evaluated
 * element-wise, anything else is a literal. Unknown operators (anywhere, also in a branch that
 * would never run), argument shapes json-logic-js always throws on ({"*": []}, missing_some
 * without a list of keys) and operations or arrays nested deeper than kMaxDepth are errors that
 * name the JSON pointer of the node, e.g. "/and/1: unknown operator \"foo\"".
 */
Result<Logic> Logic::compile(const QJsonValue &rule)
{
    auto root = std::make_shared<Internal::Node>();
    if (auto error = compileNode(rule, QString(), 1, *root))
        return Error{*error};
    return Logic(std::move(root));
}

LookupCache::LookupCache()
    : m_lookups(std::make_unique<Internal::Lookups>())
{}

LookupCache::~LookupCache() = default;

/*!
 * Evaluates the rule against \a data with the semantics of json-logic-js 2.0.5: JS truthiness
 * with [] false, "==" with JS coercion, JS number formatting in "cat", and so on. The result is
 * what JSON.stringify would write: undefined (from "and", "or" or "log" without arguments) and
 * NaN or infinite numbers come back as null.
 *
 * What json-logic-js throws on comes back as an error naming the JSON pointer of the operation:
 * "in" with an object that has an "indexOf" member, "missing_some" whose list of keys is null,
 * data that "missing" evaluates as a rule and that fails, values nested too deeply, and rules
 * that build more array elements or string characters than one evaluation may (a million of
 * each, see kMaxBuiltElements): "/reduce/1/merge: building arrays exceeds the evaluation budget
 * of 1000000 elements". Unlike json-logic-js, "var" sees only the data's own members (and the
 * length of arrays and strings), never JavaScript's prototype members such as "constructor".
 *
 * When \a reads is given, every var and missing lookup of the top-level data is appended, in
 * order, with the value found (null when missing; lookups inside map, filter, reduce, all, none
 * and some read their element and are not recorded). Thread-safe: a Logic may be evaluated on
 * many threads at once.
 */
Result<QJsonValue> Logic::evaluate(const QJsonValue &data, std::vector<FactRead> *reads,
                                   LookupCache *cache) const
{
    Evaluator evaluator(data, reads, cache ? &cache->lookups() : nullptr);
    try {
        return toJson(evaluator.eval(*m_root, nullptr));
    } catch (const RuntimeError &error) {
        // Only writing out the result fails outside an operation.
        return Error{error.located ? error.message : located(m_root->where, error.message)};
    }
}

/*!
 * Compiles \a rule and evaluates it against \a data once.
 */
Result<QJsonValue> apply(const QJsonValue &rule, const QJsonValue &data)
{
    auto logic = Logic::compile(rule);
    if (!logic)
        return Error{logic.error()};
    return logic.value().evaluate(data);
}

/*!
 * JSON Logic truthiness of a result: false, null, 0, "" and [] are false, everything else
 * (including "0" and {}) is true.
 */
bool truthy(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Double:
        return !(value.toDouble() == 0 || std::isnan(value.toDouble()));
    case QJsonValue::String:
        return !value.toString().isEmpty();
    case QJsonValue::Array:
        return !value.toArray().isEmpty();
    case QJsonValue::Object:
        return true;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return false;
}

} // namespace rg::policy
