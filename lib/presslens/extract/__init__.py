"""What the articles say, found in their text: actors, quotes, names, claims, actions, dates."""
