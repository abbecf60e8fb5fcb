"""Planning: translate domain facts into a solver.Problem and a Solution back into a draft.

This is the anti-corruption layer between the domain and the general rostering engine; each
roster kind is a thin translation in its own module.
"""
