// A small JSON reader for metadata.json (no third-party dependency): objects keep their key
// order, numbers are doubles.  Errors throw std::runtime_error with the byte offset.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace neml2::aoti::json
{
class Value
{
public:
  enum class Kind
  {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object
  };

  Kind kind = Kind::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Value> array;
  std::vector<std::pair<std::string, Value>> object; // in file order

  bool is_null() const { return kind == Kind::Null; }
  bool has(const std::string & key) const;
  /// The member `key` of an object (throws when absent or not an object).
  const Value & at(const std::string & key) const;
  /// Typed accessors (throw on a kind mismatch; `what` names the value in the message).
  const std::string & str(const std::string & what = "value") const;
  double num(const std::string & what = "value") const;
  const std::vector<Value> & arr(const std::string & what = "value") const;
  std::vector<std::string> strings(const std::string & what = "value") const;
  std::vector<int64_t> ints(const std::string & what = "value") const;
  std::vector<double> numbers(const std::string & what = "value") const;
};

Value parse(const std::string & text);
} // namespace neml2::aoti::json
