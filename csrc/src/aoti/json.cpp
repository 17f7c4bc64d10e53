#include "json.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace neml2::aoti::json
{
namespace
{
class Parser
{
public:
  explicit Parser(const std::string & s)
    : _s(s)
  {
  }

  Value document()
  {
    Value v = value();
    ws();
    if (_i != _s.size())
      fail("trailing characters");
    return v;
  }

private:
  const std::string & _s;
  std::size_t _i = 0;

  [[noreturn]] void fail(const std::string & what) const
  {
    throw std::runtime_error("JSON: " + what + " at offset " + std::to_string(_i));
  }

  void ws()
  {
    while (_i < _s.size() && (_s[_i] == ' ' || _s[_i] == '\n' || _s[_i] == '\r' || _s[_i] == '\t'))
      ++_i;
  }

  char peek()
  {
    ws();
    if (_i >= _s.size())
      fail("unexpected end");
    return _s[_i];
  }

  void expect(char c)
  {
    if (peek() != c)
      fail(std::string("expected '") + c + "'");
    ++_i;
  }

  bool literal(const char * word)
  {
    std::size_t n = std::char_traits<char>::length(word);
    if (_s.compare(_i, n, word) == 0)
    {
      _i += n;
      return true;
    }
    return false;
  }

  Value value()
  {
    Value v;
    char c = peek();
    if (c == '{')
    {
      v.kind = Value::Kind::Object;
      ++_i;
      if (peek() == '}')
      {
        ++_i;
        return v;
      }
      while (true)
      {
        if (peek() != '"')
          fail("expected a key");
        std::string key = string();
        expect(':');
        v.object.emplace_back(std::move(key), value());
        c = peek();
        ++_i;
        if (c == '}')
          break;
        if (c != ',')
          fail("expected ',' or '}'");
      }
    }
    else if (c == '[')
    {
      v.kind = Value::Kind::Array;
      ++_i;
      if (peek() == ']')
      {
        ++_i;
        return v;
      }
      while (true)
      {
        v.array.push_back(value());
        c = peek();
        ++_i;
        if (c == ']')
          break;
        if (c != ',')
          fail("expected ',' or ']'");
      }
    }
    else if (c == '"')
    {
      v.kind = Value::Kind::String;
      v.string = string();
    }
    else if (literal("true"))
    {
      v.kind = Value::Kind::Bool;
      v.boolean = true;
    }
    else if (literal("false"))
      v.kind = Value::Kind::Bool;
    else if (literal("null"))
      v.kind = Value::Kind::Null;
    else if (literal("NaN"))
      v = num(std::nan(""));
    else if (literal("Infinity"))
      v = num(HUGE_VAL);
    else if (literal("-Infinity"))
      v = num(-HUGE_VAL);
    else
    {
      const char * begin = _s.c_str() + _i;
      char * end = nullptr;
      double d = std::strtod(begin, &end);
      if (end == begin)
        fail("unexpected character");
      _i += static_cast<std::size_t>(end - begin);
      v = num(d);
    }
    return v;
  }

  static Value num(double d)
  {
    Value v;
    v.kind = Value::Kind::Number;
    v.number = d;
    return v;
  }

  void utf8(unsigned long cp, std::string & out)
  {
    if (cp < 0x80)
      out += static_cast<char>(cp);
    else if (cp < 0x800)
    {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    else if (cp < 0x10000)
    {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    else
    {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  unsigned long hex4()
  {
    if (_i + 4 > _s.size())
      fail("bad \\u escape");
    unsigned long cp = std::strtoul(_s.substr(_i, 4).c_str(), nullptr, 16);
    _i += 4;
    return cp;
  }

  std::string string()
  {
    expect('"');
    std::string out;
    while (true)
    {
      if (_i >= _s.size())
        fail("unterminated string");
      char c = _s[_i++];
      if (c == '"')
        return out;
      if (c != '\\')
      {
        out += c;
        continue;
      }
      if (_i >= _s.size())
        fail("unterminated escape");
      char e = _s[_i++];
      switch (e)
      {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u':
        {
          unsigned long cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00 && _s.compare(_i, 2, "\\u") == 0)
          {
            _i += 2;
            unsigned long lo = hex4();
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          utf8(cp, out);
          break;
        }
        default:
          fail("bad escape");
      }
    }
  }
};

const char *
kind_name(Value::Kind k)
{
  switch (k)
  {
    case Value::Kind::Null:
      return "null";
    case Value::Kind::Bool:
      return "a boolean";
    case Value::Kind::Number:
      return "a number";
    case Value::Kind::String:
      return "a string";
    case Value::Kind::Array:
      return "an array";
    default:
      return "an object";
  }
}

void
want(const Value & v, Value::Kind k, const std::string & what)
{
  if (v.kind != k)
    throw std::runtime_error(what + " should be " + kind_name(k) + ", got " + kind_name(v.kind));
}
} // namespace

bool
Value::has(const std::string & key) const
{
  for (const auto & kv : object)
    if (kv.first == key)
      return true;
  return false;
}

const Value &
Value::at(const std::string & key) const
{
  want(*this, Kind::Object, "container of '" + key + "'");
  for (const auto & kv : object)
    if (kv.first == key)
      return kv.second;
  throw std::runtime_error("missing key '" + key + "'");
}

const std::string &
Value::str(const std::string & what) const
{
  want(*this, Kind::String, what);
  return string;
}

double
Value::num(const std::string & what) const
{
  want(*this, Kind::Number, what);
  return number;
}

const std::vector<Value> &
Value::arr(const std::string & what) const
{
  want(*this, Kind::Array, what);
  return array;
}

std::vector<std::string>
Value::strings(const std::string & what) const
{
  std::vector<std::string> out;
  for (const auto & v : arr(what))
    out.push_back(v.str(what + " item"));
  return out;
}

std::vector<int64_t>
Value::ints(const std::string & what) const
{
  std::vector<int64_t> out;
  for (const auto & v : arr(what))
    out.push_back(static_cast<int64_t>(v.num(what + " item")));
  return out;
}

std::vector<double>
Value::numbers(const std::string & what) const
{
  std::vector<double> out;
  for (const auto & v : arr(what))
    out.push_back(v.num(what + " item"));
  return out;
}

Value
parse(const std::string & text)
{
  return Parser(text).document();
}
} // namespace neml2::aoti::json
