"""How far the methods can be trusted: scores against people's labels and published figures."""
