"""Messages about values read from the URL (domain/params.py)."""

STRINGS = {
    "param_bounded": {
        "vi": "Địa chỉ trang có {name} nằm ngoài các giá trị cho phép (“{param}={value}”); "
              "đang hiển thị giá trị hợp lệ gần nhất: {shown}.",
        "en": "The page address has a {name} outside the values allowed (“{param}={value}”); "
              "showing the nearest valid value: {shown}."},
}
