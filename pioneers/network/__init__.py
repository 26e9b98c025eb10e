"""The network: organisations (municipalities first) and their membership of the network."""
