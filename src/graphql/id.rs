//! The `ID` scalar.

use async_graphql::{InputValueError, InputValueResult, Scalar, ScalarType, Value};

/// Database ids, sent as strings like every GraphQL `ID`; numbers are accepted on input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Id(pub i64);

#[Scalar(name = "ID")]
impl ScalarType for Id {
    fn parse(value: Value) -> InputValueResult<Self> {
        let parsed = match &value {
            Value::String(s) => s.parse().ok(),
            Value::Number(n) => n.as_i64(),
            _ => None,
        };
        parsed
            .map(Id)
            .ok_or_else(|| InputValueError::custom("an ID is a decimal number, e.g. \"42\""))
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.to_string())
    }
}
